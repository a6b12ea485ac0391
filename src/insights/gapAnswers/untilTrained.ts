import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Resolves true once `training()` is false (the reload under way has swapped its FAQ in), false if
 * it is still training after `timeoutMs`: the answer then says « pending » rather than keep the CCI waiting.
 */
export async function untilTrained(training: () => boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (training()) {
    if (Date.now() >= deadline) return false;
    await sleep(everyMs);
  }
  return true;
}
