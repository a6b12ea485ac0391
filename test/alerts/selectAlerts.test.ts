import { DEFAULT_ALERT_DEPTH, selectAlerts } from '../../src/alerts/selectAlerts';
import type { Subscription } from '../../src/alerts/types';
import type { SmeProfile } from '../../src/tenders/match/profile';
import type { Tender } from '../../src/tenders/types';
import { makeTender } from '../tenders/match/makeTender';

const NOW = new Date('2026-12-02T09:00:00+01:00');

function real(id: string, fields: Partial<Tender> & { title: string }): Tender {
  return makeTender(id, { id: `boamp:${id}`, source: 'boamp', deadlineAt: '2027-01-15T12:00:00+01:00', ...fields });
}

function subscription(id: string, profile: SmeProfile, sentIds: string[] = []): Subscription {
  return {
    id,
    route: 'botframework',
    reference: { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1', conversation: { id }, bot: { id: 'bot' } },
    profile,
    sentIds,
    pendingIds: [],
    subscribedAt: '2026-11-30T10:00:00Z',
    updatedAt: '2026-11-30T10:00:00Z',
  };
}

const plumber: SmeProfile = { activity: 'plomberie chauffage sanitaire, entretien de chaudières', departments: ['30'], employees: 6, turnover: 600_000 };
const cleaner: SmeProfile = { activity: 'nettoyage de locaux et vitrerie', departments: ['34'], employees: 25 };

const heating = real('26-90001', { title: 'Remplacement de la chaudière et du réseau de chauffage de l’école Jean Jaurès', cpv: ['45331000'], town: 'Alès', nature: 'TRAVAUX', description: 'Dépose de la chaudière fioul, pose d’une chaudière gaz à condensation, plomberie des sanitaires.' });
const sanitary = real('26-90002', { title: 'Rénovation des sanitaires du gymnase municipal', cpv: ['45332000'], town: 'Uzès', nature: 'TRAVAUX', description: 'Plomberie, robinetterie et appareils sanitaires.' });
const cleaning = real('26-90003', { title: 'Nettoyage des locaux de la mairie et vitrerie', cpv: ['90911200'], departments: ['34'], nature: 'SERVICES', description: 'Entretien courant des bureaux, vitres deux fois par an.' });
const catering = real('26-90004', { title: 'Fourniture de repas pour la cantine scolaire', cpv: ['55524000'], nature: 'SERVICES', description: 'Repas en liaison froide.' });

describe('selectAlerts', () => {
  it('gives each subscription the changed tenders of its trade above the threshold, best first', () => {
    const batches = selectAlerts([subscription('p', plumber), subscription('c', cleaner)], [cleaning, heating, catering, sanitary], NOW, 0.2);
    const byId = new Map(batches.map((batch) => [batch.subscriptionId, batch.items.map((item) => item.id)]));
    expect(byId.get('p')).toEqual(expect.arrayContaining(['boamp:26-90001', 'boamp:26-90002']));
    expect(byId.get('p')).not.toContain('boamp:26-90003');
    expect(byId.get('p')).not.toContain('boamp:26-90004');
    expect(byId.get('c')).toEqual(['boamp:26-90003']);
    const scores = batches.find((batch) => batch.subscriptionId === 'p')!.items.map((item) => item.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.every((score) => score >= 0.2)).toBe(true);
  });

  it('carries what the message shows: title, buyer, deadline, link', () => {
    const linked = { ...heating, noticeUrl: 'https://www.boamp.fr/pages/avis/?q=idweb:26-90001', buyer: { name: 'Ville d’Alès' } };
    const [batch] = selectAlerts([subscription('p', plumber)], [linked], NOW, 0.2);
    expect(batch!.items[0]).toMatchObject({ id: 'boamp:26-90001', title: linked.title, buyer: 'Ville d’Alès', deadlineAt: '2027-01-15T12:00:00+01:00', url: linked.noticeUrl, upcoming: false });
  });

  it('never sends a tender twice to the same subscription', () => {
    const batches = selectAlerts([subscription('p', plumber, ['boamp:26-90001']), subscription('q', plumber)], [heating], NOW, 0.2);
    expect(batches.map((batch) => batch.subscriptionId)).toEqual(['q']);
  });

  it('never alerts closed, cancelled or awarded tenders', () => {
    const closed = { ...heating, id: 'boamp:c', deadlineAt: '2026-12-01T12:00:00+01:00' };
    const cancelled = { ...heating, id: 'boamp:x', lifecycle: 'CANCELLED' as const };
    const awarded = { ...sanitary, id: 'boamp:a', lifecycle: 'AWARDED' as const };
    expect(selectAlerts([subscription('p', plumber)], [closed, cancelled, awarded], NOW, 0.01)).toEqual([]);
  });

  it('never alerts the demo examples, however well they match', () => {
    const example = makeTender('plomberie-ecole', { title: heating.title, cpv: heating.cpv, description: heating.description, deadlineAt: heating.deadlineAt });
    expect(selectAlerts([subscription('p', plumber)], [example], NOW, 0.01)).toEqual([]);
    const [batch] = selectAlerts([subscription('p', plumber)], [example, heating], NOW, 0.01);
    expect(batch!.items.map((item) => item.id)).toEqual(['boamp:26-90001']);
  });

  it('leaves out matches below the threshold, and keeps those at it', () => {
    const [all] = selectAlerts([subscription('p', plumber)], [heating, sanitary], NOW, 0.01);
    const scores = all!.items.map((item) => item.score);
    expect(scores).toHaveLength(2);
    const [best, second] = scores as [number, number];
    expect(selectAlerts([subscription('p', plumber)], [heating, sanitary], NOW, best + 0.01)).toEqual([]);
    const [atBest] = selectAlerts([subscription('p', plumber)], [heating, sanitary], NOW, best);
    expect(atBest!.items.map((item) => item.score)).toEqual(best > second ? [best] : [best, second]);
  });

  it('scores against the whole catalogue when given, and alerts only the changed tenders', () => {
    const corpus = [heating, sanitary, cleaning, catering];
    const batches = selectAlerts([subscription('p', plumber)], [sanitary], NOW, 0.1, { corpus });
    expect(batches).toHaveLength(1);
    expect(batches[0]!.items.map((item) => item.id)).toEqual(['boamp:26-90002']);
    expect(DEFAULT_ALERT_DEPTH).toBeGreaterThanOrEqual(100);
  });

  it('sends nothing when nothing changed or nobody subscribed', () => {
    expect(selectAlerts([subscription('p', plumber)], [], NOW, 0.1)).toEqual([]);
    expect(selectAlerts([], [heating], NOW, 0.1)).toEqual([]);
  });
});
