import { appendFileSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Change, HISTORY_FILE, HistoryLog } from '../../../src/knowledge/editor';

function change(n: number, collection = 'rules'): Change {
  return { id: `change-${n}`, at: `2026-12-02T10:${String(n % 60).padStart(2, '0')}:00.000Z`, who: 'paul.cci', action: 'update', collection: collection as Change['collection'], recordId: `RULE_${n}`, summary: `Règle RULE_${n} modifiée`, diff: [] };
}

// The history only grows: reading it must not cost more as it does (docs/admin-api.md « History »).
describe('the history log read from its end', () => {
  let dataDir: string;
  let log: HistoryLog;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-history-'));
    log = new HistoryLog(dataDir);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  /** A history whose old part is 3 GB (a hole: no disk used), more than any whole read could hold. */
  function hugeHistory(recent: Change[]): void {
    const file = path.join(dataDir, HISTORY_FILE);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(change(0))}\n`);
    truncateSync(file, 3 * 1024 ** 3);
    appendFileSync(file, `\n${recent.map((c) => JSON.stringify(c)).join('\n')}\n`);
  }

  it('lists the newest changes of a 3 GB history without reading it whole, and finds a recent one', () => {
    hugeHistory([1, 2, 3, 4, 5].map((n) => change(n)));
    expect(log.list({ limit: 2 }).map((c) => c.id)).toEqual(['change-5', 'change-4']);
    expect(log.list().map((c) => c.id)).toEqual(['change-5', 'change-4', 'change-3', 'change-2', 'change-1']);
    expect(log.find('change-3')?.recordId).toBe('RULE_3');
  });

  it('pages the audit log: `before` gives the changes older than the one named', () => {
    for (let n = 1; n <= 7; n++) log.append(change(n, n % 2 ? 'rules' : 'events'));
    expect(log.list({ limit: 3 }).map((c) => c.id)).toEqual(['change-7', 'change-6', 'change-5']);
    expect(log.list({ limit: 3, before: 'change-5' }).map((c) => c.id)).toEqual(['change-4', 'change-3', 'change-2']);
    expect(log.list({ collection: 'rules', before: 'change-5' }).map((c) => c.id)).toEqual(['change-3', 'change-1']);
    expect(log.list({ before: 'no-such-change' })).toEqual([]);
  });

  it('skips a line cut short by a crash and a line that is not a change, and keeps the order', () => {
    log.append(change(1));
    appendFileSync(path.join(dataDir, HISTORY_FILE), '{"id":"cut-short","at":"2026');
    log.append(change(2));
    appendFileSync(path.join(dataDir, HISTORY_FILE), '["not a change"]\n\n');
    log.append(change(3));
    expect(log.list().map((c) => c.id)).toEqual(['change-3', 'change-2', 'change-1']);
    expect(log.find('change-1')?.id).toBe('change-1');
    expect(log.find('cut-short')).toBeUndefined();
  });
});
