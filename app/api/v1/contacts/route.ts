import { route } from "@/lib/server/route";
import { updateContactsRequest } from "@/lib/api/vault";
import { getContacts, replaceContacts } from "@/lib/server/data/contacts";
import { conflict, unauthorized } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session }) => {
    const contacts = await getContacts(session.userId);
    if (!contacts) throw unauthorized();
    return { encryptedContacts: contacts.encryptedContacts, revision: contacts.contactsRevision };
  },
});

export const PUT = route({
  access: "session",
  body: updateContactsRequest,
  handler: async ({ session, body }) => {
    const revision = await replaceContacts(
      session.userId,
      body.encryptedContacts,
      body.baseRevision,
    );
    if (revision === null) throw conflict("Your contacts changed on another device; reload.");
    return { encryptedContacts: body.encryptedContacts, revision };
  },
});
