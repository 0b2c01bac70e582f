import { z } from "zod";

export const sessionDto = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
});
export type SessionDto = z.infer<typeof sessionDto>;

export const sessionListResponse = z.object({ sessions: z.array(sessionDto) });
export const revokedCountResponse = z.object({ revoked: z.number().int() });
