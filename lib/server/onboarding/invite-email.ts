import "server-only";
import { env } from "../env";
import { mailConfigured, sendMail } from "../mail";

/** Names typed by people go into a header: no line breaks or other control characters. */
const headerSafe = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

/**
 * Emails the join link when SMTP is configured; false when it is not, or when sending failed
 * (the admin still has the link to copy). The token travels in the fragment, as in every
 * invite link (docs/decisions/0005).
 */
export async function emailInvite(input: {
  to: string;
  token: string;
  organizationName: string;
  inviterName: string;
  expiresAt: Date;
}): Promise<boolean> {
  if (!mailConfigured()) return false;
  const link = `${env.COFFER_URL.replace(/\/+$/, "")}/join#${input.token}`;
  const organization = headerSafe(input.organizationName);
  const inviter = headerSafe(input.inviterName);
  return sendMail({
    to: input.to,
    subject: `${inviter} invited you to ${organization} on Coffer`,
    text: [
      "Hello,",
      "",
      `${inviter} has invited you to join ${organization} on Coffer, where the team keeps its passwords and other secrets.`,
      "",
      `Open this link to create your account. It works once, and until ${input.expiresAt.toUTCString()}:`,
      "",
      link,
      "",
      "If you did not expect this invitation, you can ignore this email.",
      "",
    ].join("\n"),
  });
}
