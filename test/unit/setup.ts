// libsodium loads its WebAssembly asynchronously; lib/crypto's functions are synchronous and
// expect it ready. Some test tables are built while a file is collected, before any hook runs.
import { getSodium } from "../../lib/crypto/sodium";

await getSodium();
