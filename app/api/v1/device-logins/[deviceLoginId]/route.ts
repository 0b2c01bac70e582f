import { route } from "@/lib/server/route";
import { findWaitingRequest } from "@/lib/server/auth/device-login";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ params }) => ({
    deviceLogin: await findWaitingRequest({ id: params.deviceLoginId ?? "" }),
  }),
});
