import { DigestBusyError, DigestPool, type DigestPoolOptions } from '../../../src/server/insights/DigestPool';

/** A renderer the test finishes by hand: it counts the renders and which ran at the same time. */
function heldRenderer() {
  const held: { month: string; finish: () => void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const render = (month: string) =>
    new Promise<Uint8Array>((resolve) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      held.push({
        month,
        finish: () => {
          running -= 1;
          resolve(new TextEncoder().encode(`%PDF ${month}`));
        },
      });
    });
  return { render, held, mostAtOnce: () => mostAtOnce };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function finishAll(held: { finish: () => void }[]): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    await settle();
    held.splice(0).forEach((render) => render.finish());
  }
}

describe('the digest pool', () => {
  let clock = 0;
  const options = (over: Partial<DigestPoolOptions> = {}): DigestPoolOptions => ({
    maxWaiting: 2,
    currentMonthTtlMs: 60_000,
    pastMonthTtlMs: 3_600_000,
    maxCached: 3,
    currentMonth: () => '2026-12',
    now: () => clock,
    ...over,
  });
  beforeEach(() => {
    clock = 0;
  });

  it('renders one month at a time, however many are asked together', async () => {
    const renderer = heldRenderer();
    const pool = new DigestPool(renderer.render, options());
    const asked = ['2026-09', '2026-10', '2026-11'].map((month) => pool.pdf(month));
    for (let i = 0; i < 10; i += 1) await settle();
    expect(renderer.held.map((render) => render.month)).toEqual(['2026-09']);
    await finishAll(renderer.held);
    expect((await Promise.all(asked)).map((pdf) => new TextDecoder().decode(pdf))).toEqual(['%PDF 2026-09', '%PDF 2026-10', '%PDF 2026-11']);
    expect(renderer.mostAtOnce()).toBe(1);
    expect(pool.size).toBe(0);
  });

  it('renders a month asked in a loop once: requests share the render on its way, then the cached PDF', async () => {
    const renderer = heldRenderer();
    let renders = 0;
    const pool = new DigestPool((month) => ((renders += 1), renderer.render(month)), options());
    const together = Array.from({ length: 50 }, () => pool.pdf('2026-11'));
    await finishAll(renderer.held);
    await Promise.all(together);
    for (let i = 0; i < 50; i += 1) await pool.pdf('2026-11');
    expect(renders).toBe(1);
  });

  it('refuses with how long to wait once more than maxWaiting renders wait behind the running one', async () => {
    const renderer = heldRenderer();
    const pool = new DigestPool(renderer.render, options({ maxWaiting: 2 }));
    const accepted = ['2026-08', '2026-09', '2026-10'].map((month) => pool.pdf(month));
    let refusal: unknown;
    try {
      void pool.pdf('2026-11');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DigestBusyError);
    expect((refusal as DigestBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // A month already on its way is not refused: it shares the render.
    expect(() => pool.pdf('2026-09')).not.toThrow();
    await finishAll(renderer.held);
    await Promise.all(accepted);
    expect(() => pool.pdf('2026-11')).not.toThrow();
    await finishAll(renderer.held);
  });

  it('renders the current month again after its short TTL, a past month only after the long one', async () => {
    let renders = 0;
    const pool = new DigestPool(async (month) => ((renders += 1), new TextEncoder().encode(month)), options());
    await pool.pdf('2026-12');
    await pool.pdf('2026-11');
    clock = 59_999;
    await pool.pdf('2026-12');
    expect(renders).toBe(2);
    clock = 60_000;
    await pool.pdf('2026-12');
    await pool.pdf('2026-11');
    expect(renders).toBe(3);
    clock = 3_600_000;
    await pool.pdf('2026-11');
    expect(renders).toBe(4);
  });

  it('keeps at most maxCached months, dropping the least recently asked, and caches no failure', async () => {
    let renders = 0;
    let fail = true;
    const pool = new DigestPool(async (month) => {
      renders += 1;
      if (fail) throw new Error('disk');
      return new TextEncoder().encode(month);
    }, options({ maxCached: 2 }));
    await expect(pool.pdf('2026-01')).rejects.toThrow('disk');
    fail = false;
    for (const month of ['2026-01', '2026-02', '2026-01', '2026-03', '2026-01']) await pool.pdf(month);
    expect(renders).toBe(4);
    await pool.pdf('2026-02');
    expect(renders).toBe(5);
    expect(pool.size).toBe(0);
  });
});
