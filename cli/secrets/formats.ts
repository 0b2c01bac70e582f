import { randomBytes } from "node:crypto";
import { formatDotenv } from "@/lib/sdk/dotenv";

export const ENV_FORMATS = ["dotenv", "json", "shell", "github", "k8s"] as const;
export type EnvFormat = (typeof ENV_FORMATS)[number];

type Variables = Array<[string, string]>;

/** POSIX single quotes: nothing inside is special, a ' is closed, escaped and reopened. */
const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * GITHUB_ENV's syntax: `NAME=value`, or for a multi-line value a heredoc whose delimiter is
 * random, so a value cannot end the block early and smuggle in a variable of its own.
 */
export function githubEnvLine(name: string, value: string): string {
  if (!/[\r\n]/.test(value)) return `${name}=${value}`;
  let delimiter: string;
  do delimiter = `coffer_${randomBytes(12).toString("hex")}`;
  while (value.includes(delimiter));
  return `${name}<<${delimiter}\n${value}\n${delimiter}`;
}

/** A Kubernetes Secret manifest (YAML; JSON strings are valid YAML scalars), values base64. */
function kubernetesSecret(variables: Variables, name: string, namespace?: string): string {
  const lines = [
    "apiVersion: v1",
    "kind: Secret",
    "metadata:",
    `  name: ${JSON.stringify(name)}`,
    ...(namespace ? [`  namespace: ${JSON.stringify(namespace)}`] : []),
    "type: Opaque",
    "data:",
    ...variables.map(
      ([key, value]) =>
        `  ${JSON.stringify(key)}: ${Buffer.from(value, "utf8").toString("base64")}`,
    ),
  ];
  if (variables.length === 0) lines[lines.length - 1] = "data: {}";
  return lines.join("\n");
}

export function formatVariables(
  variables: Variables,
  format: EnvFormat,
  kubernetes: { name: string; namespace?: string },
): string {
  switch (format) {
    case "dotenv":
      return formatDotenv(variables.map(([key, value]) => ({ key, value })));
    case "json":
      return JSON.stringify(Object.fromEntries(variables), null, 2);
    case "shell":
      return variables.map(([key, value]) => `export ${key}=${shellQuote(value)}`).join("\n");
    case "github":
      return variables.map(([key, value]) => githubEnvLine(key, value)).join("\n");
    case "k8s":
      return kubernetesSecret(variables, kubernetes.name, kubernetes.namespace);
  }
}
