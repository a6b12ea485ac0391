import { loadConfig } from '../../src/config';

describe('accounts configuration', () => {
  it('defaults to sessions of 2 hours idle and 12 hours at most, 10 failures per client and 5 per login in 15 minutes', () => {
    expect(loadConfig({}).accounts).toEqual({ sessionIdleMs: 7_200_000, sessionMaxMs: 43_200_000, publicHostname: '', loginFailuresPerClient: 10, loginFailuresPerLogin: 5, loginWindowMs: 900_000 });
  });

  it('reads its keys and refuses values that make no sense, in French', () => {
    const config = loadConfig({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '8', PUBLIC_HOSTNAME: 'HA30.example.fr', LOGIN_MAX_FAILURES_PER_CLIENT: '20', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_LOCK_MINUTES: '60' }).accounts;
    expect(config).toEqual({ sessionIdleMs: 1_800_000, sessionMaxMs: 28_800_000, publicHostname: 'ha30.example.fr', loginFailuresPerClient: 20, loginFailuresPerLogin: 3, loginWindowMs: 3_600_000 });
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '600', SESSION_MAX_HOURS: '2' })).toThrow(/SESSION_IDLE_MINUTES \(600\) dépasse la durée maximale d'une session/);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES="0" doit être un entier entre 5 et/);
    expect(() => loadConfig({ PUBLIC_HOSTNAME: 'https://ha30.example.fr/' })).toThrow(/PUBLIC_HOSTNAME=.* nom d'hôte seul/);
  });
});
