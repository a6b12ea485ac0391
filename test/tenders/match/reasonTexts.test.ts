import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { reservedFit, sharedMatchText, timeFit, type MatchText } from '../../../src/tenders/match/fit';
import { TenderIndex } from '../../../src/tenders/match/TenderIndex';
import { baseFold } from '../../../src/text/baseFold';
import { daysLeft } from '../../../dialogs/cards/tenderCards';
import { makeTender } from './makeTender';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-10T09:00:00Z');
const KNOWLEDGE = path.resolve(__dirname, '../../../knowledge');

/** A text function that shows which message was asked for and with what, to see the threading. */
const tagged: MatchText = (id, ...[params]) => `[${id}${params ? ` ${JSON.stringify(params)}` : ''}]`;

describe('match reasons come from knowledge/messages.json', () => {
  it('uses the given text function for the deadline, the reserved market and the ranking reasons', () => {
    const tender = makeTender('r1', { title: 'Plomberie du collège', departments: ['34'], reserved: true, socialClause: true });
    expect(timeFit(tender, NOW + 5 * DAY + 1000, NOW, tagged).reason).toMatch(/^\[tenders\.reason\.deadlineShort \{"count":5,"date":"15 novembre 2026"\}\]$/);
    expect(reservedFit(tender, { activity: 'x' }, baseFold, tagged).reason).toBe('[tenders.reason.reserved]');
    const [ranked] = new TenderIndex([tender]).rank({ activity: 'plomberie' }, { now: new Date(NOW), text: tagged });
    expect(ranked!.reasons).toContain('[tenders.reason.socialClause]');
    expect(ranked!.reasons.map((reason) => reason.split(/[ \]]/)[0])).toEqual(['[tenders.reason.activity', '[tenders.reason.near', '[tenders.reason.reserved', '[tenders.reason.noDeadline', '[tenders.reason.socialClause']);
  });

  it('says "1 jour" and "4 jours": the plural is the knowledge text’s', () => {
    const tender = makeTender('r2', { title: 'x' });
    expect(timeFit(tender, NOW + 1 * DAY + 1000, NOW).reason).toMatch(/^date limite dans 1 jour \(/);
    expect(timeFit(tender, NOW + 4 * DAY + 1000, NOW).reason).toMatch(/^date limite dans 4 jours \(.*\) : délai court$/);
  });

  it('counts the days as the card above it does, by calendar day in Paris: 47 days from 2 December afternoon to 18 January noon', () => {
    const tender = makeTender('r4', { title: 'x' });
    const now = Date.parse('2026-12-02T12:55:00Z');
    const deadline = Date.parse('2027-01-18T11:00:00Z');
    expect(timeFit(tender, deadline, now).reason).toBe('date limite dans 47 jours (18 janvier 2027)');
    expect(daysLeft('2027-01-18T11:00:00Z', new Date(now))).toBe(47);
  });

  it('reads the wording a CCI editor changed in another knowledge folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'knowledge-'));
    const file = JSON.parse(readFileSync(path.join(KNOWLEDGE, 'messages.json'), 'utf8'));
    file.$schema = path.join(KNOWLEDGE, 'schemas/messages.schema.json');
    file.messages['tenders.reason.noDeadline'] = 'pas de date limite dans l’avis';
    writeFileSync(path.join(dir, 'messages.json'), JSON.stringify(file));
    expect(timeFit(makeTender('r3', { title: 'x' }), NaN, NOW, sharedMatchText(dir)).reason).toBe('pas de date limite dans l’avis');
  });
});
