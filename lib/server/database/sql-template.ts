/**
 * SQL written in our own code and shared by several statements, spliced into a `queryRows`
 * statement as text rather than sent as a parameter. Never build one from a request's values.
 */
export class SqlFragment {
  constructor(readonly text: string) {}
}

/**
 * A tagged template's statement text and parameters: each `${value}` becomes `$n`, numbered in
 * order, except an SqlFragment, whose text goes in as it is.
 */
export function sqlStatement(
  strings: readonly string[],
  values: readonly unknown[],
): { text: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  let text = strings[0] ?? "";
  for (const [index, value] of values.entries()) {
    if (value instanceof SqlFragment) {
      text += value.text;
    } else {
      parameters.push(value);
      text += `$${parameters.length}`;
    }
    text += strings[index + 1] ?? "";
  }
  return { text, parameters };
}
