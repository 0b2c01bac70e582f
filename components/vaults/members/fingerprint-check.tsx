"use client";

import { fingerprintHex, fingerprintWords } from "@/lib/crypto";
import type { PublicBundleDto } from "@/lib/api/vault";

/**
 * The person's fingerprint, to be read back by them out of band, and the checkbox that says it
 * matched: the keys compared are the keys the vault key is sealed to.
 */
export function FingerprintCheck({
  person,
  compared,
  onComparedChange,
}: {
  person: PublicBundleDto;
  compared: boolean;
  onComparedChange: (compared: boolean) => void;
}) {
  const bundle = {
    userId: person.userId,
    email: person.email,
    signPublicKey: person.signPublicKey,
    boxPublicKey: person.boxPublicKey,
  };
  return (
    <div className="rounded-xl bg-stone-50 p-4 ring-1 ring-stone-200">
      <p className="text-sm text-stone-700">
        Ask {person.name} to open their Home page and read their fingerprint to you, in person or on
        a call:
      </p>
      <p
        data-testid="share-fingerprint"
        className="mt-2 font-mono text-sm tracking-wide break-words text-stone-900"
      >
        {fingerprintHex(bundle)}
      </p>
      <p className="mt-1 text-sm text-stone-600">
        <span className="text-stone-500">Words: </span>
        <span className="font-medium text-stone-800">{fingerprintWords(bundle).join(" ")}</span>
      </p>
      <label className="mt-3 flex items-center gap-2 text-sm font-medium text-stone-900">
        <input
          type="checkbox"
          checked={compared}
          onChange={(event) => onComparedChange(event.target.checked)}
        />
        I compared the fingerprint
      </label>
    </div>
  );
}
