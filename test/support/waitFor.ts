/**
 * Waits until `condition` holds, checking every `everyMs`; past `timeoutMs` it throws, naming what
 * was awaited and what `context` says about the state then — a wait never gives up silently.
 */
export async function waitFor(what: string, condition: () => boolean, { timeoutMs = 10_000, everyMs = 50, context = () => '' }: { timeoutMs?: number; everyMs?: number; context?: () => string } = {}): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() >= deadline) {
      const state = context();
      throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}${state ? `:\n${state}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
