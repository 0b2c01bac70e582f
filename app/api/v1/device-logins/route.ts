import { route } from "@/lib/server/route";
import { createDeviceLoginRequest, deviceLoginLookupQuery } from "@/lib/api/device-login";
import { findWaitingRequest, startDeviceLogin } from "@/lib/server/auth/device-login";
import { clientAddress } from "@/lib/server/request-origin";

export const dynamic = "force-dynamic";

// `coffer login` starts here, signed in as nobody: what it gets back is a poll secret, and
// nothing of an account until a person approves in the browser.
export const POST = route({
  access: "public",
  body: createDeviceLoginRequest,
  status: 201,
  handler: async ({ body, request }) =>
    startDeviceLogin({ ...body, ipAddress: clientAddress(request.headers) }),
});

// The approval page looks a request up by the code the person typed.
export const GET = route({
  access: "session",
  query: deviceLoginLookupQuery,
  handler: async ({ query }) => ({ deviceLogin: await findWaitingRequest({ code: query.code }) }),
});
