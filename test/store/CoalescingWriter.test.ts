import { CoalescingWriter } from '../../src/store/CoalescingWriter';

/** A write function whose calls the test finishes by hand. */
function manualWrites() {
  const calls: { finish(): void; fail(error: Error): void }[] = [];
  const write = () => new Promise<void>((resolve, reject) => calls.push({ finish: resolve, fail: reject }));
  return { calls, write };
}
const turnOfLoop = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescingWriter', () => {
  it('runs one write for requests made together, then one for all the requests made while it ran', async () => {
    const { calls, write } = manualWrites();
    const writer = new CoalescingWriter(write);
    const first = [writer.request(), writer.request()];
    await turnOfLoop();
    expect(calls).toHaveLength(1);
    const second = [writer.request(), writer.request(), writer.request()];
    await turnOfLoop();
    expect(calls).toHaveLength(1); // at most one in flight
    calls[0]!.finish();
    await Promise.all(first);
    await turnOfLoop();
    expect(calls).toHaveLength(2); // the queued one started, carrying the three requests
    calls[1]!.finish();
    await Promise.all(second);
    expect(writer.writes).toBe(2);
    expect(writer.idle).toBe(true);
  });

  it('gives a failed write to its callers only, and keeps working', async () => {
    const { calls, write } = manualWrites();
    const writer = new CoalescingWriter(write);
    const failed = writer.request();
    await turnOfLoop();
    const next = writer.request();
    calls[0]!.fail(new Error('disque plein'));
    await expect(failed).rejects.toThrow('disque plein');
    await turnOfLoop();
    calls[1]!.finish();
    await expect(next).resolves.toBeUndefined();
  });

  it('settled() waits for the queued and running writes', async () => {
    const { calls, write } = manualWrites();
    const writer = new CoalescingWriter(write);
    void writer.request();
    let settled = false;
    const done = writer.settled().then(() => (settled = true));
    await turnOfLoop();
    expect(settled).toBe(false);
    calls[0]!.finish();
    await done;
    expect(settled).toBe(true);
  });
});
