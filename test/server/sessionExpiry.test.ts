import { freezeDate } from '../support/clock';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER } from '../accounts/support';
import { call, signedIn } from './web/support';

const MINUTE = 60_000;
const START = Date.parse('2026-11-20T09:00:00Z');

// Session lifetimes on the real application, the date moved by hand (timers stay real).
describe('session expiry', () => {
  let app: TestApp;
  let short: TestApp;
  beforeAll(async () => {
    freezeDate('2026-11-20T09:00:00Z');
    app = await startTestApp();
    short = await startTestApp({ SESSION_IDLE_MINUTES: '10', SESSION_MAX_HOURS: '1' });
    await addAccounts(app.config.dataDir, [BUYER]);
    await addAccounts(short.config.dataDir, [BUYER]);
  }, 60_000);
  afterAll(async () => {
    await app.cleanup();
    await short.cleanup();
    jest.useRealTimers();
  });

  const at = (minutes: number) => jest.setSystemTime(START + minutes * MINUTE);
  const alive = async (base: string, cookie: string) => (await call(`${base}/api/session`, { headers: { cookie } })).status === 200;

  it('ends a session after 2 hours unused (an expired cookie is refused like a forged one)', async () => {
    at(0);
    const { cookie } = await signedIn(app.url, BUYER.login, BUYER.password);
    at(119);
    expect(await alive(app.url, cookie)).toBe(true);
    at(119 + 121);
    expect((await call(`${app.url}/acheteurs`, { headers: { cookie } })).status).toBe(302);
    expect((await call(`${app.url}/api/insights/gaps`, { headers: { cookie } })).status).toBe(401);
    at(0);
    expect(await alive(app.url, cookie)).toBe(false);
  });

  it('ends a busy session 12 hours after sign-in', async () => {
    at(0);
    const { cookie } = await signedIn(app.url, BUYER.login, BUYER.password);
    for (let hour = 1; hour < 12; hour++) {
      at(hour * 60);
      expect(await alive(app.url, cookie)).toBe(true);
    }
    at(12 * 60);
    expect(await alive(app.url, cookie)).toBe(false);
  });

  it('follows SESSION_IDLE_MINUTES and SESSION_MAX_HOURS', async () => {
    at(0);
    const { cookie } = await signedIn(short.url, BUYER.login, BUYER.password);
    at(9);
    expect(await alive(short.url, cookie)).toBe(true);
    at(20);
    expect(await alive(short.url, cookie)).toBe(false);
    at(0);
    const busy = await signedIn(short.url, BUYER.login, BUYER.password);
    for (const minute of [8, 16, 24, 32, 40, 48, 56]) {
      at(minute);
      expect(await alive(short.url, busy.cookie)).toBe(true);
    }
    at(60);
    expect(await alive(short.url, busy.cookie)).toBe(false);
  });
});
