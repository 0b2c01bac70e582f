"use client";

import type { SecurityKey } from "@/lib/api/mfa";
import { Field } from "../ui/field";

/** A key being removed, and the proof the removal is waiting for. */
export interface Removal {
  key: SecurityKey;
  /** "key": a fresh check with another key; "code": one recovery code instead. */
  proof: "key" | "code";
  code: string;
  error: string | null;
  removing: boolean;
}

/** What removing a key asks for: another key, or a recovery code. */
export function RemovalProof({
  removal,
  hasOtherKeys,
  onChange,
  onSubmit,
}: {
  removal: Removal;
  hasOtherKeys: boolean;
  onChange: (removal: Removal) => void;
  onSubmit: () => void;
}) {
  // Enrolling once makes keys required for good (User.mfaRequired): no way back to none.
  const lastKeyNote = !hasOtherKeys && (
    <p className="mt-2">
      This is your only key. Your account keeps requiring one, so add a new key straight after.
    </p>
  );
  if (removal.proof === "key") {
    return (
      <div>
        <p>
          Confirm with another of your keys (a key cannot vouch for its own removal). It stops
          working for your account at once.
        </p>
        <button
          type="button"
          className="mt-2 font-medium text-stone-800 underline hover:text-stone-900 disabled:text-stone-400"
          onClick={() => onChange({ ...removal, proof: "code", error: null })}
          disabled={removal.removing}
        >
          Use a recovery code instead
        </button>
      </div>
    );
  }
  return (
    <div>
      <p>
        {hasOtherKeys
          ? "Enter one of your recovery codes instead of a key check. The code is used up."
          : "Enter one of your recovery codes to confirm. The code is used up."}
      </p>
      {lastKeyNote}
      <Field
        className="mt-3 [&_input]:font-mono"
        label="Recovery code"
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="characters"
        placeholder="XXXX-XXXX-XXXX-XXXX"
        value={removal.code}
        disabled={removal.removing}
        onChange={(event) => onChange({ ...removal, code: event.target.value, error: null })}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            onSubmit();
          }
        }}
        autoFocus
      />
    </div>
  );
}
