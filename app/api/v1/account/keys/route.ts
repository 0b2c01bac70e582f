import { route } from "@/lib/server/route";
import { getKeyMaterial } from "@/lib/server/data/users";
import { unauthorized } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session }) => {
    const keys = await getKeyMaterial(session.userId);
    if (!keys) throw unauthorized();
    return {
      userId: keys.id,
      email: keys.email,
      wrappedUserKey: keys.wrappedUserKey,
      wrappedBoxPrivateKey: keys.wrappedBoxPrivateKey,
      wrappedSignPrivateKey: keys.wrappedSignPrivateKey,
      boxPublicKey: keys.boxPublicKey,
      signPublicKey: keys.signPublicKey,
      bundleSignature: keys.bundleSignature,
    };
  },
});
