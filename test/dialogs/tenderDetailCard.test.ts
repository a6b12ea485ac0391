import { cutOnWord, DESCRIPTION_MAX_CHARS, MAX_LOTS, tenderDetailCard } from '../../dialogs/cards/tenderDetailCard';
import { claimsTenderDetail, tenderCard, tenderDetailOf } from '../../dialogs/cards/tenderCards';
import { Messages } from '../../src/knowledge/Messages';
import { loadKnowledge } from '../../src/loadKnowledge';
import { readable } from '../support/replies';
import { KNOWLEDGE_DIR } from '../support/services';
import { makeTender } from '../tenders/match/makeTender';

const messages = new Messages(loadKnowledge(KNOWLEDGE_DIR).messages);
const NOW = new Date('2026-12-01T10:00:00+01:00');
type Card = { actions: { type: string; id: string; url?: string; data?: unknown }[]; body: { text: string }[] };

const school = makeTender('ecole', {
  id: 'boamp:26-90001',
  source: 'boamp',
  title: 'Rénovation de l’école Jean Jaurès',
  buyer: { name: 'Ville d’Alès' },
  deadlineAt: '2027-01-15T12:00:00+01:00',
  nature: 'TRAVAUX',
  procedure: 'Procédure adaptée',
  durationMonths: 8,
  socialClause: true,
  town: 'Alès',
  description: `${'Dépose des menuiseries et reprise des enduits de façade. '.repeat(30)}Fin.`,
  lots: Array.from({ length: MAX_LOTS + 2 }, (_, index) => ({ number: String(index + 1), title: `Lot technique ${index + 1}`, cpv: [] })),
  noticeUrl: 'https://www.boamp.fr/pages/avis/?q=idweb:26-90001',
  buyerProfileUrl: 'https://marches.example.fr/consultation/42',
});

describe('the tender detail card', () => {
  it('the result card sends « Voir le détail et l’avis » to the bot instead of opening the notice unseen', () => {
    const card = tenderCard({ tender: school, reasons: ['plomberie'], example: false }, messages, NOW).content as Card;
    expect(card.actions.map((action) => [action.type, action.id])).toEqual([
      ['Action.Submit', 'checkThisTender'],
      ['Action.Submit', 'contactBuyer'],
      ['Action.Submit', 'tenderDetail'],
    ]);
    expect(tenderDetailOf(card.actions[2]!.data)).toBe('boamp:26-90001');
  });

  it('holds what the result could not: nature, procedure, duration, clauses, lots, the description cut on a word, and the links', () => {
    const attachment = tenderDetailCard(school, messages, NOW, false);
    const card = attachment.content as Card;
    const text = readable({ attachments: [attachment] });
    expect(text).toMatch(/Type de marché : travaux/);
    expect(text).toMatch(/Procédure : Procédure adaptée/);
    expect(text).toMatch(/Durée : 8 mois/);
    expect(text).toMatch(/Clauses : clause sociale/);
    expect(text).toMatch(/8 lots :\n- Lot 1 : Lot technique 1[\s\S]*- Lot 6 : Lot technique 6\net 2 autres lots, à lire dans l'avis/);
    const description = card.body.find((block) => block.text.startsWith('Dépose'))!.text;
    expect(description.length).toBeLessThanOrEqual(DESCRIPTION_MAX_CHARS + 1);
    expect(description).toMatch(/[a-zé]…$/);
    expect(card.actions.filter((action) => action.type === 'Action.OpenUrl').map((action) => action.url)).toEqual([school.noticeUrl, school.buyerProfileUrl]);
    expect(card.actions.map((action) => action.id)).toContain('checkThisTender');
  });

  it('says when there is no notice to open, and when the deadline has passed', () => {
    const upcoming = readable({ attachments: [tenderDetailCard({ ...school, status: 'UPCOMING', noticeUrl: undefined, deadlineAt: undefined }, messages, NOW, false)] });
    expect(upcoming).toMatch(/L'avis n'est pas encore publié/);
    const closed = readable({ attachments: [tenderDetailCard(school, messages, new Date('2027-02-01T10:00:00+01:00'), false)] });
    expect(closed).toMatch(/La date limite est passée/);
  });

  it('reads only well-formed detail clicks', () => {
    expect(tenderDetailOf({ ha30Detail: 'x'.repeat(201) })).toBeUndefined();
    expect(tenderDetailOf({ ha30Detail: 42 })).toBeUndefined();
    expect(claimsTenderDetail({ ha30Detail: 42 })).toBe(true);
    expect(claimsTenderDetail({ ha30Goal: 'CHECK_DOSSIER' })).toBe(false);
    expect(cutOnWord('un deux trois', 8)).toBe('un deux…');
  });
});
