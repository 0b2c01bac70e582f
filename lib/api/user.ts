import { z } from "zod";
import { orgRole } from "./account";

export const userDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: orgRole,
  status: z.enum(["active", "suspended"]),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userDto>;

export const userListResponse = z.object({ users: z.array(userDto) });

export const updateUserStatusRequest = z.object({ status: z.enum(["active", "suspended"]) });
