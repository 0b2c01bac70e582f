"use client";

import { useState, type FormEvent } from "react";
import { accountCreatedResponse, newAccount, setupRequest } from "@/lib/api/account";
import { email as emailSchema } from "@/lib/api/common";
import { fieldProblem, maxLengthOf } from "@/lib/api/issue-sentence";
import { api } from "@/lib/client/api";
import { KitStep } from "./kit-step";
import { looksLikeEmail, validateNewPassword } from "../password-fields";
import { MasterPasswordStep } from "./master-password-step";
import { useAccountCreation } from "./use-account-creation";
import { Card } from "../ui/card";
import { Field } from "../ui/field";

const apiFields: Record<string, string> = {
  organizationName: "organizationName",
  "account.name": "name",
  "account.email": "email",
};

const limits = {
  organizationName: maxLengthOf(setupRequest.shape.organizationName),
  name: maxLengthOf(newAccount.shape.name),
  email: maxLengthOf(emailSchema),
};

/**
 * The problems the server would answer, found before the key derivation: a refusal after the
 * Argon2id wait is a wait for nothing.
 */
function setupProblems(input: { organizationName: string; name: string; email: string }) {
  const problems: Record<string, string | undefined> = {
    organizationName: input.organizationName.trim()
      ? fieldProblem(
          setupRequest.shape.organizationName,
          "organizationName",
          input.organizationName,
        )
      : "Enter your organisation's name.",
    name: input.name.trim()
      ? fieldProblem(newAccount.shape.name, "name", input.name)
      : "Enter your name.",
    email: looksLikeEmail(input.email)
      ? fieldProblem(emailSchema, "email", input.email)
      : "Enter a valid email address.",
  };
  return Object.fromEntries(
    Object.entries(problems).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

/** First run: the organisation and its owner, whose keys are made here in the browser. */
export function SetupForm() {
  const [organizationName, setOrganizationName] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const creation = useAccountCreation((field) => apiFields[field]);
  const { phase, fieldErrors } = creation;
  const working = phase === "deriving" || phase === "saving";

  if ((phase === "kit" || phase === "continuing") && creation.kit) {
    return (
      <KitStep
        title="Your organisation is ready."
        organizationName={organizationName.trim()}
        creation={{ ...creation, kit: creation.kit }}
      />
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {
      ...setupProblems({ organizationName, name, email }),
      ...validateNewPassword(password, confirm),
    };
    if (Object.keys(problems).length > 0) {
      creation.setError(null);
      creation.setFieldErrors(problems);
      return;
    }
    await creation.create({ email, name, password }, async (account) => {
      await api("/api/v1/setup", {
        json: { organizationName: organizationName.trim(), account },
        schema: accountCreatedResponse,
        redirectOnUnauthorized: false,
      }).catch((error: unknown) => {
        if (error instanceof Error && "status" in error && error.status === 404) {
          throw new Error(
            "Coffer has already been set up. Ask an admin for an invite, or sign in.",
          );
        }
        throw error;
      });
    });
  }

  return (
    <div className="mx-auto w-full max-w-md">
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-semibold text-stone-900">Set up Coffer</h1>
        <p className="mt-2 text-sm text-stone-600">
          Create your organisation and its first admin account. Your keys are made in this browser;
          the server never sees your master password.
        </p>
      </div>
      <Card>
        <form className="space-y-5" onSubmit={onSubmit} noValidate>
          <Field
            label="Organisation name"
            autoComplete="organization"
            required
            maxLength={limits.organizationName}
            value={organizationName}
            onChange={(event) => setOrganizationName(event.target.value)}
            error={fieldErrors.organizationName}
            disabled={working}
            autoFocus
          />
          <Field
            label="Your name"
            autoComplete="name"
            required
            maxLength={limits.name}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={fieldErrors.name}
            disabled={working}
          />
          <Field
            label="Email"
            type="email"
            autoComplete="email"
            required
            maxLength={limits.email}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={fieldErrors.email}
            disabled={working}
          />
          <MasterPasswordStep
            password={password}
            confirm={confirm}
            onPasswordChange={setPassword}
            onConfirmChange={setConfirm}
            phase={phase}
            fieldErrors={fieldErrors}
            error={creation.error}
            submitLabel="Create organisation"
            savingLabel="Creating organisation…"
          />
        </form>
      </Card>
    </div>
  );
}
