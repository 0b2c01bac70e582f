import { StepUpCancelled } from "@/components/mfa/step-up-provider";

/**
 * A cancelled security-key check told in the words of the action it stopped, so the action's
 * error reads like any other failure of it.
 */
export function cancelledAs<T>(work: Promise<T>, message: string): Promise<T> {
  return work.catch((caught: unknown) => {
    throw caught instanceof StepUpCancelled ? new Error(message) : caught;
  });
}
