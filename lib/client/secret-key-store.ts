import { get, set } from "idb-keyval";

// The Secret Key lives on each trusted device (IndexedDB) and on the printed Emergency Kit,
// never on the server. Stored in its printed form so the kit can be downloaded again verbatim.
const storageKey = (email: string) => `secret-key:${email.trim().toLowerCase()}`;

export async function loadSecretKey(email: string): Promise<string | null> {
  try {
    const value = await get<unknown>(storageKey(email));
    return typeof value === "string" ? value : null;
  } catch {
    // Private browsing modes may refuse IndexedDB: behave as a device without a stored key.
    return null;
  }
}

export async function saveSecretKey(email: string, formattedSecretKey: string): Promise<void> {
  try {
    await set(storageKey(email), formattedSecretKey);
  } catch {
    // Not fatal: the person has the Emergency Kit and will be asked for the key next time.
  }
}
