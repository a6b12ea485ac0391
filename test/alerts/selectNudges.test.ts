import { selectNudges } from '../../src/alerts/selectNudges';
import type { Subscription } from '../../src/alerts/types';
import type { SmeProfile } from '../../src/tenders/match/profile';
import type { Tender } from '../../src/tenders/types';
import { makeTender } from '../tenders/match/makeTender';

const NOW = new Date('2026-12-02T09:00:00+01:00');

function real(id: string, fields: Partial<Tender> & { title: string }): Tender {
  return makeTender(id, { id: `boamp:${id}`, source: 'boamp', deadlineAt: '2027-01-15T12:00:00+01:00', ...fields });
}

function subscription(id: string, profile: SmeProfile, more: Partial<Subscription> = {}): Subscription {
  return {
    id,
    route: 'botframework',
    reference: { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1', conversation: { id }, bot: { id: 'bot' } },
    profile,
    sentIds: [],
    pendingIds: [],
    subscribedAt: '2026-11-30T10:00:00Z',
    updatedAt: '2026-11-30T10:00:00Z',
    ...more,
  };
}

const plumber: SmeProfile = { activity: 'plomberie chauffage sanitaire, entretien de chaudières', departments: ['30'], employees: 6, turnover: 600_000 };
const cleaner: SmeProfile = { activity: 'nettoyage de locaux et vitrerie', departments: ['34'], employees: 25 };

const heating = real('26-90001', { title: 'Remplacement de la chaudière et du réseau de chauffage de l’école Jean Jaurès', cpv: ['45331000'], town: 'Alès', nature: 'TRAVAUX', description: 'Dépose de la chaudière fioul, pose d’une chaudière gaz à condensation, plomberie des sanitaires.' });
const cleaning = real('26-90003', { title: 'Nettoyage des locaux de la mairie et vitrerie', cpv: ['90911200'], departments: ['34'], nature: 'SERVICES', description: 'Entretien courant des bureaux, vitres deux fois par an.' });
const corpus = [heating, cleaning];

describe('selectNudges', () => {
  it('picks the subscriptions whose profile the flagged tender fits, with the search’s reasons', () => {
    const targets = selectNudges([subscription('p', plumber), subscription('c', cleaner)], heating, NOW, 0.2, { corpus });
    expect(targets.map((target) => target.subscriptionId)).toEqual(['p']);
    expect(targets[0]!.score).toBeGreaterThanOrEqual(0.2);
    expect(targets[0]!.reasons.join(' ')).toMatch(/45331000|chauffage/i);
  });

  it('nudges a conversation once per tender, even one already alerted about it when it was published', () => {
    const nudged = subscription('p', plumber, { nudgedIds: ['boamp:26-90001'] });
    const alerted = subscription('q', plumber, { sentIds: ['boamp:26-90001'] });
    expect(selectNudges([nudged, alerted], heating, NOW, 0.2, { corpus }).map((target) => target.subscriptionId)).toEqual(['q']);
  });

  it('never nudges about a closed, cancelled, awarded or example tender', () => {
    const subscriptions = [subscription('p', plumber)];
    const closed = { ...heating, deadlineAt: '2026-12-01T12:00:00+01:00' };
    const cancelled = { ...heating, lifecycle: 'CANCELLED' as const };
    const awarded = { ...heating, lifecycle: 'AWARDED' as const };
    const example = { ...heating, source: 'example' as const };
    for (const tender of [closed, cancelled, awarded, example]) expect(selectNudges(subscriptions, tender, NOW, 0.2, { corpus: [tender, cleaning] })).toEqual([]);
  });

  it('holds to the alerts’ threshold: a weak fit is not worth a message', () => {
    const [target] = selectNudges([subscription('p', plumber)], heating, NOW, 0.2, { corpus });
    expect(selectNudges([subscription('p', plumber)], heating, NOW, target!.score + 0.01, { corpus })).toEqual([]);
  });
});
