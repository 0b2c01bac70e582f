import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env";

// One transport per process, made on first use; without COFFER_SMTP_URL there is none.
let transport: Transporter | undefined;

export const mailConfigured = () => Boolean(env.COFFER_SMTP_URL);

/**
 * Sends one plain-text message from COFFER_SMTP_FROM. Never throws: a mail server that is
 * down, slow or refusing answers false, and only the error's name is logged, because a
 * message (and so an error about it) may carry a link that is a credential.
 */
export async function sendMail(message: { to: string; subject: string; text: string }) {
  if (!env.COFFER_SMTP_URL) return false;
  transport ??= nodemailer.createTransport({
    url: env.COFFER_SMTP_URL,
    // Someone waits on the invite form: give up well before a browser would.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: env.COFFER_SMTP_FROM, ...message });
    return true;
  } catch (error) {
    console.error(`[mail] not sent: ${error instanceof Error ? error.name : typeof error}`);
    return false;
  }
}
