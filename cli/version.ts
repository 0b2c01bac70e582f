import packageJson from "../package.json";

/** The CLI's own version (the package's) and the protocol it speaks (DESIGN.md's v1). */
export const CLI_VERSION: string = packageJson.version;
export const PROTOCOL_VERSION = "v1";

export const versionLine = () => `coffer ${CLI_VERSION} (protocol ${PROTOCOL_VERSION})`;
