import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INTEREST_DIR, INTEREST_FILE, INTEREST_KEYS_FILE, TenderInterestStore } from '../../src/store/TenderInterestStore';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'ha30-interest-'));
const files = (dir: string) => ({ data: path.join(dir, INTEREST_DIR, INTEREST_FILE), keys: path.join(dir, INTEREST_DIR, INTEREST_KEYS_FILE) });

describe('tender interest store', () => {
  it('counts each SME once per tender and kind, and once as engaged whether it opened or checked', async () => {
    const store = await TenderInterestStore.open(dataDir());
    for (const userKey of ['msteams:alice', 'msteams:bob', 'webchat:carol', 'msteams:alice']) await store.record({ tenderId: 'boamp:1', kind: 'SEEN', userKey });
    await store.record({ tenderId: 'boamp:1', kind: 'OPENED', userKey: 'msteams:alice' });
    await store.record({ tenderId: 'boamp:1', kind: 'CHECK_STARTED', userKey: 'msteams:alice' });
    await store.record({ tenderId: 'boamp:1', kind: 'CHECK_STARTED', userKey: 'webchat:carol' });
    await store.record({ tenderId: 'boamp:2', kind: 'SEEN', userKey: 'msteams:alice' });
    const counts = await store.counts();
    expect(counts.get('boamp:1')).toEqual({ seen: 3, opened: 1, checkStarted: 2, engaged: 2 });
    expect(counts.get('boamp:2')).toEqual({ seen: 1, opened: 0, checkStarted: 0, engaged: 0 });
  });

  it('keeps no user id, no time per event, and hashes the same SME differently in two tenders', async () => {
    const dir = dataDir();
    const store = await TenderInterestStore.open(dir);
    await store.record({ tenderId: 'boamp:1', kind: 'SEEN', userKey: 'msteams:29:1aBcD-user-id' });
    await store.record({ tenderId: 'boamp:2', kind: 'SEEN', userKey: 'msteams:29:1aBcD-user-id' });
    await store.flush();
    const { data, keys } = files(dir);
    const text = readFileSync(data, 'utf8');
    expect(text).not.toContain('1aBcD');
    expect(text).not.toContain(createHash('sha256').update('msteams:29:1aBcD-user-id').digest('base64url').slice(0, 22));
    expect(text).not.toMatch(/T\d\d:\d\d/);
    const stored = JSON.parse(text) as { tenders: Record<string, { hashes: { SEEN: string[] } }> };
    const [first, second] = [stored.tenders['boamp:1']!.hashes.SEEN[0], stored.tenders['boamp:2']!.hashes.SEEN[0]];
    expect(first).toMatch(/^[\w-]{22}$/);
    expect(first).not.toBe(second);
    // The keys live apart, readable by the owner only; the data file alone cannot test a user id.
    expect(statSync(keys).mode & 0o777).toBe(0o600);
    const keyValues = Object.values((JSON.parse(readFileSync(keys, 'utf8')) as { keys: Record<string, string> }).keys);
    expect(keyValues).toHaveLength(2);
    for (const key of keyValues) expect(text).not.toContain(key);
  });

  it('still recognises an SME after a restart', async () => {
    const dir = dataDir();
    const store = await TenderInterestStore.open(dir);
    await store.record({ tenderId: 'boamp:1', kind: 'OPENED', userKey: 'webchat:u1' });
    await store.flush();
    const reopened = await TenderInterestStore.open(dir);
    await reopened.record({ tenderId: 'boamp:1', kind: 'OPENED', userKey: 'webchat:u1' });
    await reopened.record({ tenderId: 'boamp:1', kind: 'OPENED', userKey: 'webchat:u2' });
    expect((await reopened.counts()).get('boamp:1')).toMatchObject({ opened: 2 });
  });

  it('forgets the hashes and the key some time after the deadline, keeping the counts', async () => {
    const dir = dataDir();
    let now = new Date('2026-03-01T10:00:00Z');
    const store = await TenderInterestStore.open(dir, { now: () => now });
    await store.record({ tenderId: 'boamp:1', kind: 'SEEN', userKey: 'u1', deadlineAt: '2026-03-15T12:00:00+01:00' });
    await store.record({ tenderId: 'boamp:1', kind: 'OPENED', userKey: 'u2', deadlineAt: '2026-03-15T12:00:00+01:00' });
    await store.record({ tenderId: 'boamp:2', kind: 'SEEN', userKey: 'u1' });
    now = new Date('2026-04-20T10:00:00Z');
    await store.record({ tenderId: 'boamp:1', kind: 'SEEN', userKey: 'u3' });
    await store.flush();
    expect((await store.counts()).get('boamp:1')).toEqual({ seen: 1, opened: 1, checkStarted: 0, engaged: 1 });
    const { data, keys } = files(dir);
    const stored = JSON.parse(readFileSync(data, 'utf8')) as { tenders: Record<string, { hashes?: unknown; frozen?: unknown }> };
    expect(stored.tenders['boamp:1']).toEqual({ keepUntil: '2026-04-14', frozen: { seen: 1, opened: 1, checkStarted: 0, engaged: 1 } });
    // A tender without a deadline keeps its hashes 180 days after its last event.
    expect(stored.tenders['boamp:2']!.hashes).toBeDefined();
    expect(Object.keys((JSON.parse(readFileSync(keys, 'utf8')) as { keys: object }).keys)).toEqual(['boamp:2']);
    const reopened = await TenderInterestStore.open(dir, { now: () => now });
    expect((await reopened.counts()).get('boamp:1')).toEqual({ seen: 1, opened: 1, checkStarted: 0, engaged: 1 });
  });

  it('ignores events that are not events', async () => {
    const store = await TenderInterestStore.open(dataDir());
    await store.record({ tenderId: '', kind: 'SEEN', userKey: 'u' });
    await store.record({ tenderId: 'x', kind: 'LIKED' as never, userKey: 'u' });
    await store.record({ tenderId: 'x', kind: 'SEEN', userKey: '' });
    await store.record({ tenderId: 'x'.repeat(201), kind: 'SEEN', userKey: 'u' });
    expect((await store.counts()).size).toBe(0);
  });

  it('never fails the turn when the disk does: the error is reported, the count kept in memory', async () => {
    const dir = dataDir();
    const errors: unknown[] = [];
    const store = await TenderInterestStore.open(dir, { onError: (error) => errors.push(error) });
    rmSync(path.join(dir, INTEREST_DIR), { recursive: true });
    await expect(store.record({ tenderId: 'boamp:1', kind: 'SEEN', userKey: 'u' })).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    expect((await store.counts()).get('boamp:1')).toMatchObject({ seen: 1 });
  });

  it('keeps the flags « peu ou pas de réponses locales », once per tender and organisation', async () => {
    const dir = dataDir();
    const store = await TenderInterestStore.open(dir, { now: () => new Date('2026-03-10T09:00:00Z') });
    const first = await store.flag('boamp:1', 'ville-nimes');
    await store.flag('boamp:1', 'ville-nimes');
    await store.flag('boamp:3', 'ville-nimes');
    expect(first).toEqual({ tenderId: 'boamp:1', organisationId: 'ville-nimes', at: '2026-03-10T09:00:00.000Z' });
    expect(await store.unflag('boamp:3', 'ville-nimes')).toBe(true);
    expect(await store.unflag('boamp:3', 'ville-nimes')).toBe(false);
    const reopened = await TenderInterestStore.open(dir);
    expect(await reopened.flags()).toEqual([first]);
  });
});
