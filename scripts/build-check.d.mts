export interface SourceFile {
  path: string;
  mtimeMs: number;
}

export const buildInputs: { directories: string[]; files: string[] };
export function rebuildReason(
  buildTimeMs: number | undefined,
  sources: SourceFile[],
): string | null;
export function buildTime(root: string, distDir: string): number | undefined;
export function listSources(root: string, inputs?: typeof buildInputs): SourceFile[];
