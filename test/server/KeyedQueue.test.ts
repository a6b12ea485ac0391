import { KeyedQueue } from '../../src/server/KeyedQueue';

describe('KeyedQueue', () => {
  it('runs the tasks of one key one at a time, in order, even when one fails; other keys do not wait', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const task = (name: string, ms: number, fail = false) => () =>
      new Promise<void>((resolve, reject) => {
        events.push(`start ${name}`);
        setTimeout(() => {
          events.push(`end ${name}`);
          if (fail) reject(new Error(name));
          else resolve();
        }, ms);
      });
    const done = [queue.run('c1', task('a', 30)), queue.run('c1', task('b', 1, true)), queue.run('c2', task('x', 1)), queue.run('c1', task('c', 1))];
    await Promise.allSettled(done);
    expect(events.filter((event) => !event.endsWith('x'))).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(events.indexOf('end x')).toBeLessThan(events.indexOf('end a'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.size).toBe(0);
  });
});
