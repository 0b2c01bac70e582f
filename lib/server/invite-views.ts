import "server-only";
import type { z } from "zod";
import type { inviteListResponse } from "@/lib/api/invite";
import { listInvites } from "./data/invites";
import { inviteToDto } from "./dto";

/** Every invite sent, as GET /api/v1/invites answers and the people page first renders it. */
export async function inviteList(): Promise<z.infer<typeof inviteListResponse>> {
  return { invites: (await listInvites()).map(inviteToDto) };
}
