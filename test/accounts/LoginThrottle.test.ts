import { LoginThrottle } from '../../src/accounts';
import { Clock } from './clock';

const MINUTE = 60_000;
const limits = { failuresPerClient: 10, failuresPerLogin: 5, windowMs: 15 * MINUTE, maxKeys: 1000 };

describe('sign-in throttle', () => {
  it('stops a login after 5 failures from anywhere, for the rest of its window', () => {
    const clock = new Clock();
    const throttle = new LoginThrottle(limits, clock.now);
    for (let i = 0; i < 5; i++) {
      expect(throttle.retryAfterSeconds(`10.0.0.${i}`, 'marie')).toBe(0);
      throttle.failed(`10.0.0.${i}`, 'marie');
    }
    expect(throttle.retryAfterSeconds('10.0.0.99', 'marie')).toBe(15 * 60);
    expect(throttle.retryAfterSeconds('10.0.0.99', 'paul')).toBe(0);
    clock.advance(10 * MINUTE);
    expect(throttle.retryAfterSeconds('10.0.0.99', 'marie')).toBe(5 * 60);
    clock.advance(5 * MINUTE);
    expect(throttle.retryAfterSeconds('10.0.0.99', 'marie')).toBe(0);
  });

  it('stops a client after 10 failures, whatever logins it tries (unknown ones included)', () => {
    const throttle = new LoginThrottle(limits, new Clock().now);
    for (let i = 0; i < 10; i++) throttle.failed('203.0.113.7', `guess${i}`);
    expect(throttle.retryAfterSeconds('203.0.113.7', 'someone-else')).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds('198.51.100.1', 'someone-else')).toBe(0);
  });

  it('forgives a login its failures once its password is given, not the client', () => {
    const throttle = new LoginThrottle({ ...limits, failuresPerClient: 6 }, new Clock().now);
    for (let i = 0; i < 4; i++) throttle.failed('203.0.113.7', 'marie');
    throttle.succeeded('marie');
    throttle.failed('203.0.113.7', 'marie');
    expect(throttle.retryAfterSeconds('198.51.100.1', 'marie')).toBe(0);
    throttle.failed('203.0.113.7', 'paul');
    expect(throttle.retryAfterSeconds('203.0.113.7', 'paul')).toBeGreaterThan(0);
  });

  it('remembers a bounded number of keys however many logins are sprayed', () => {
    const throttle = new LoginThrottle({ ...limits, maxKeys: 50 }, new Clock().now);
    for (let i = 0; i < 10_000; i++) throttle.failed(`198.51.100.${i % 200}`, `spray${i}`);
    const counters = (throttle as unknown as { logins: { counters: Map<string, unknown> } }).logins.counters;
    expect(counters.size).toBeLessThanOrEqual(50);
  });
});
