// Asserting an SDK refusal by its code: the promise must reject with an SdkError, not succeed
// and not fail some other way.
import { expect } from "vitest";
import { SdkError } from "../../lib/sdk/http-port";

export async function expectRefused(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(SdkError);
  expect((error as SdkError).code).toBe(code);
}
