import { route } from "@/lib/server/route";
import { registerKeyRequest } from "@/lib/api/mfa";
import { listActiveKeys } from "@/lib/server/data/mfa";
import { enrolKey, keyToDto } from "@/lib/server/mfa/ceremonies";
import { requireStepUp } from "@/lib/server/mfa/step-up";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "enrolment",
  handler: async ({ session }) => ({
    keys: (await listActiveKeys(session.userId)).map(keyToDto),
  }),
});

export const POST = route({
  access: "enrolment",
  body: registerKeyRequest,
  status: 201,
  handler: async ({ session, body, request }) => {
    requireStepUp(session);
    return enrolKey(session, body, request);
  },
});
