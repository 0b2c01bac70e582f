"use client";

import { useState } from "react";
import type { z } from "zod";
import type { PersonStatus, personDto } from "@/lib/api/checklist";
import { checklistApi } from "@/lib/client/checklists";
import { useResource } from "../ui/use-resource";
import type { OwnershipHeir } from "./ownership-transfer-dialog";
import type { RoleChange } from "./role-change-dialog";

export type Person = z.infer<typeof personDto>;
export type PeopleFilter = "all" | PersonStatus;

const loadPeople = () => checklistApi.people().then((result) => result.people);

/**
 * Everyone the organisation knows, first as the server rendered it, then as the API answers
 * after each change; which of them are shown; and the person each dialog is open for.
 */
export function usePeople(initialPeople: Person[]) {
  const people = useResource(loadPeople, initialPeople);
  const [filter, setFilter] = useState<PeopleFilter>("all");
  const [statusTarget, setStatusTarget] = useState<Person | null>(null);
  const [roleChange, setRoleChange] = useState<RoleChange | null>(null);
  const [heir, setHeir] = useState<OwnershipHeir | null>(null);

  const everyone = people.data ?? [];
  const counts = new Map<PeopleFilter, number>([["all", everyone.length]]);
  for (const person of everyone) {
    counts.set(person.status, (counts.get(person.status) ?? 0) + 1);
  }
  const shown = filter === "all" ? everyone : everyone.filter((person) => person.status === filter);

  return {
    people: everyone,
    error: people.error,
    reload: people.reload,
    filter,
    setFilter,
    counts,
    shown,
    statusTarget,
    setStatusTarget,
    roleChange,
    setRoleChange,
    heir,
    setHeir,
  };
}

export type People = ReturnType<typeof usePeople>;
