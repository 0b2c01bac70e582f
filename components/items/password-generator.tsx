"use client";

import { useEffect, useId, useState } from "react";
import {
  DEFAULT_PASSPHRASE_OPTIONS,
  DEFAULT_PASSWORD_OPTIONS,
  generatePassphrase,
  generatePassword,
  type PasswordOptions,
} from "@/lib/crypto";
import { estimateStrength, type Strength } from "@/lib/client/vaults/strength";
import { Button } from "@/components/ui/button";

/** A popover under a password field: password or passphrase, with zxcvbn's strength estimate. */
export function PasswordGenerator({
  onUse,
  onClose,
}: {
  onUse: (password: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [mode, setMode] = useState<"password" | "passphrase">("password");
  const [options, setOptions] = useState<PasswordOptions>(DEFAULT_PASSWORD_OPTIONS);
  const [words, setWords] = useState(DEFAULT_PASSPHRASE_OPTIONS.words);
  const [candidate, setCandidate] = useState(() =>
    safeGenerate("password", DEFAULT_PASSWORD_OPTIONS, 5),
  );
  const [strength, setStrength] = useState<Strength | null>(null);

  useEffect(() => {
    let current = true;
    void estimateStrength(candidate).then((result) => current && setStrength(result));
    return () => {
      current = false;
    };
  }, [candidate]);

  function regenerate(nextMode = mode, nextOptions = options, nextWords = words) {
    setCandidate(safeGenerate(nextMode, nextOptions, nextWords));
  }
  function setOption(change: Partial<PasswordOptions>) {
    const next = { ...options, ...change };
    if (!next.lowercase && !next.uppercase && !next.digits && !next.symbols) return;
    setOptions(next);
    regenerate(mode, next);
  }

  return (
    <div
      role="dialog"
      aria-label="Password generator"
      onKeyDown={(event) => event.key === "Escape" && onClose()}
      className="mt-2 space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-lg"
    >
      <p className="rounded-lg bg-stone-50 px-3 py-2 font-mono text-sm break-all text-stone-900 ring-1 ring-stone-200">
        {candidate}
      </p>
      {strength && (
        <div aria-live="polite" className="text-xs text-stone-600">
          <div className="mb-1 flex h-1.5 gap-1" aria-hidden="true">
            {[0, 1, 2, 3].map((index) => (
              <span
                key={index}
                className={`flex-1 rounded-full ${index < strength.score ? (strength.score >= 3 ? "bg-emerald-500" : "bg-amber-500") : "bg-stone-200"}`}
              />
            ))}
          </div>
          Strength: {strength.label}
          {strength.warning && ` — ${strength.warning}`}
        </div>
      )}
      <div className="flex gap-4 text-sm">
        {(["password", "passphrase"] as const).map((value) => (
          <label key={value} className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === value}
              onChange={() => {
                setMode(value);
                regenerate(value);
              }}
            />
            {value === "password" ? "Random characters" : "Passphrase"}
          </label>
        ))}
      </div>
      {mode === "password" ? (
        <>
          <label className="block text-sm text-stone-700">
            Length: {options.length}
            <input
              type="range"
              min={8}
              max={64}
              value={options.length}
              onChange={(event) => setOption({ length: Number(event.target.value) })}
              className="mt-1 block w-full"
            />
          </label>
          <div className="grid grid-cols-2 gap-1 text-sm text-stone-700">
            {(
              [
                ["lowercase", "a–z"],
                ["uppercase", "A–Z"],
                ["digits", "0–9"],
                ["symbols", "!#$%"],
                ["avoidAmbiguous", "Avoid look-alikes"],
              ] as const
            ).map(([key, label]) => (
              <label key={key} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={options[key]}
                  onChange={(event) => setOption({ [key]: event.target.checked })}
                />
                {label}
              </label>
            ))}
          </div>
        </>
      ) : (
        <label className="block text-sm text-stone-700">
          Words: {words}
          <input
            type="range"
            min={3}
            max={12}
            value={words}
            onChange={(event) => {
              setWords(Number(event.target.value));
              regenerate(mode, options, Number(event.target.value));
            }}
            className="mt-1 block w-full"
          />
        </label>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close
        </Button>
        <Button variant="secondary" size="sm" onClick={() => regenerate()}>
          Regenerate
        </Button>
        <Button size="sm" onClick={() => onUse(candidate)}>
          Use this
        </Button>
      </div>
    </div>
  );
}

function safeGenerate(mode: "password" | "passphrase", options: PasswordOptions, words: number) {
  return mode === "password"
    ? generatePassword(options)
    : generatePassphrase({ ...DEFAULT_PASSPHRASE_OPTIONS, words });
}
