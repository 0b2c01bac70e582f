import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";

// zxcvbn's dictionaries are large, so they load only when someone opens the generator or
// types a password.
let factory: Promise<ZxcvbnFactory> | null = null;

function loadFactory(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, english]) =>
      new core.ZxcvbnFactory({
        translations: english.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...english.dictionary },
      }),
  );
  return factory;
}

export type Strength = { score: 0 | 1 | 2 | 3 | 4; label: string; warning: string };
const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;

export async function estimateStrength(password: string): Promise<Strength> {
  const zxcvbn = await loadFactory();
  // zxcvbn is quadratic in length; beyond 100 characters the first 100 decide anyway.
  const result: ZxcvbnResult = zxcvbn.check(password.slice(0, 100));
  return {
    score: result.score,
    label: LABELS[result.score],
    warning: result.feedback.warning ?? "",
  };
}
