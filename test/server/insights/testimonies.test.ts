import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Messages } from '../../../src/knowledge/Messages';
import { loadKnowledge } from '../../../src/loadKnowledge';
import { testimoniesCsv, testimoniesJson } from '../../../src/server/insights/testimonies';
import { sizeBandLabels, TestimonyService } from '../../../src/testimonies';
import { KNOWLEDGE_DIR } from '../../support/services';

const messages = new Messages(loadKnowledge(KNOWLEDGE_DIR).messages);

// The dashboard's testimonies read through the service's own period (month granularity).
describe('the dashboard’s testimonies by period', () => {
  let dataDir: string;
  let service: TestimonyService;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-dashboard-testimonies-'));
    const at = (now: string) => TestimonyService.open(dataDir, { retentionMonths: 24, sizeLabel: sizeBandLabels(messages), now: () => new Date(now) });
    // Given on 14 November and 3 December: only their months are kept.
    const november = at('2026-11-14T10:00:00.000Z');
    expect(await november.record({ text: 'Le dossier de novembre était trop lourd pour nous.', trade: 'maçon' })).toBe(true);
    await november.close();
    const december = at('2026-12-03T10:00:00.000Z');
    expect(await december.record({ text: 'En décembre, la plateforme a refusé notre signature.', sizeBand: '1-9' })).toBe(true);
    await december.close();
    service = at('2026-12-03T10:00:00.000Z');
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps a month’s testimonies in a period that starts in the middle of that month', async () => {
    const answer = await testimoniesJson(service, { from: '2026-11-20', to: '2026-12-31' });
    expect(answer.testimonies.map((testimony) => testimony.month)).toEqual(['2026-12', '2026-11']);
    expect(answer.testimonies[1]).toMatchObject({ text: 'Le dossier de novembre était trop lourd pour nous.', trade: 'maçon', sizeBand: null, monthText: 'novembre 2026' });
    const csv = await testimoniesCsv(messages, service, { from: '2026-11-20', to: '2026-11-30' });
    expect(csv).toContain('novembre 2026;maçon;;Le dossier de novembre était trop lourd pour nous.');
    expect(csv).not.toContain('décembre');
  });

  it('leaves out the months the period does not touch', async () => {
    expect((await testimoniesJson(service, { from: '2026-12-01' })).testimonies.map((testimony) => testimony.month)).toEqual(['2026-12']);
    expect((await testimoniesJson(service, { to: '2026-11-01' })).testimonies.map((testimony) => testimony.month)).toEqual(['2026-11']);
    expect((await testimoniesJson(service, { from: '2027-01-01' })).testimonies).toEqual([]);
  });
});
