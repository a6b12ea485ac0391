import { SessionStore, sameToken } from '../../src/accounts';
import { Clock } from './clock';

const HOUR = 3_600_000;

describe('server-side sessions', () => {
  it('gives each sign-in a fresh unguessable id and a CSRF token of its own', () => {
    const store = new SessionStore();
    const a = store.create('marie', 'stamp');
    const b = store.create('marie', 'stamp');
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.session.csrfToken).not.toBe(b.session.csrfToken);
    expect(store.touch(a.id)?.login).toBe('marie');
  });

  it('ends a session unused for the idle time, and any session at its absolute limit however busy', () => {
    const clock = new Clock();
    const store = new SessionStore({ idleMs: 2 * HOUR, absoluteMs: 12 * HOUR, maxSessions: 100, maxPerLogin: 10 }, clock.now);
    const idle = store.create('marie', 's').id;
    const busy = store.create('paul', 's').id;
    for (let hour = 1; hour <= 11; hour++) {
      clock.advance(HOUR);
      expect(store.touch(busy)).toBeDefined();
      if (hour === 1) expect(store.touch(idle)).toBeDefined();
      if (hour === 3) expect(store.touch(idle)).toBeUndefined(); // last seen at 1 h, idle past 3 h
    }
    clock.advance(HOUR - 1);
    expect(store.touch(busy)).toBeDefined();
    clock.advance(1);
    expect(store.touch(busy)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('refuses forged, malformed and destroyed ids', () => {
    const store = new SessionStore();
    const { id } = store.create('marie', 's');
    expect(store.touch(`${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    for (const forged of [undefined, '', 'admin', 'x'.repeat(43), `${id}x`, id.slice(1), '../../etc/passwd']) expect(store.touch(forged)).toBeUndefined();
    store.destroy(id);
    expect(store.touch(id)).toBeUndefined();
  });

  it('keeps at most so many sessions per login, and in all, ending the oldest', () => {
    const clock = new Clock();
    const store = new SessionStore({ idleMs: HOUR, absoluteMs: 2 * HOUR, maxSessions: 5, maxPerLogin: 2 }, clock.now);
    const first = store.create('marie', 's').id;
    clock.advance(1);
    const second = store.create('marie', 's').id;
    clock.advance(1);
    const third = store.create('marie', 's').id;
    expect([store.touch(first), store.touch(second), store.touch(third)].map(Boolean)).toEqual([false, true, true]);
    for (let i = 0; i < 10; i++) {
      clock.advance(1);
      store.create(`user${i}`, 's');
    }
    expect(store.size).toBe(5);
  });

  it('compares CSRF tokens exactly, whatever is given', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    for (const given of [undefined, '', 'abd', 'ab', 'abcd', 'é'.repeat(3)]) expect(sameToken(given, 'abc')).toBe(false);
  });
});
