/** What is wrong with a port as typed, or null: empty (not set) or a whole number 1–65535. */
export function portProblem(value: string): string | null {
  const text = value.trim();
  if (text === "") return null;
  if (!/^\d+$/.test(text)) return "A port is a whole number from 1 to 65535.";
  const port = Number(text);
  return port >= 1 && port <= 65535 ? null : "A port is a whole number from 1 to 65535.";
}
