import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import type { ConversationMemory, LastSearch, StoredProfile } from '../../dialogs/DialogServices';
import type { FaqMemory } from '../../dialogs/faq/faqMemory';
import { RootDialog } from '../../dialogs/RootDialog';
import type { BidContext } from '../../src/bidcheck';
import { Ha30Bot } from '../../src/bot/Ha30Bot';
import { createLogger } from '../../src/logger';
import { TESTIMONIES_FILE } from '../../src/store/TestimonyStore';
import { freezeDate } from '../support/clock';
import { realServices, testTestimonies } from '../support/services';
import { transcript } from '../support/transcript';
import { say, texts } from './faqSupport';

const CONSENT = /Ce que je garderai : votre texte, débarrassé des données personnelles[\s\S]*effacé au bout de 24 mois[\s\S]*Êtes-vous d'accord \?\nOui \| Non$/;
const ASK_TEXT = /^Racontez-moi avec vos mots ce qui vous a bloqué[\s\S]*2 000 caractères au plus/;
const ASK_TRADE = /^Quel est votre métier \?[\s\S]*\nPasser$/;
const ASK_SIZE = /^Combien de salariés compte votre entreprise \?[\s\S]*0 salarié \| 1 à 9 salariés \| 10 à 49 salariés \| 50 à 249 salariés \| Je préfère ne pas le dire$/;
const CONFIRM = /Voici ce que je garderai :[\s\S]*Je l'enregistre \?\nOui, l'enregistrer \| Non, ne rien garder$/;
const THANKS = /^Merci ! Votre témoignage est enregistré/;
const NEXT = /^Que souhaitez-vous faire maintenant/;

/** The bot over the real services, its testimonies written to a fresh DATA_DIR, and the user state at hand. */
function testimonyBot(profile?: Omit<StoredProfile, 'savedAt'>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-testimony-dialog-'));
  const testimonies = testTestimonies(dataDir);
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const memory: ConversationMemory = {
    lastCheckContext: conversationState.createProperty<BidContext>('lastCheckContext'),
    profile: userState.createProperty<StoredProfile>('smeProfile'),
    lastSearch: conversationState.createProperty<LastSearch>('lastTenderSearch'),
    faq: conversationState.createProperty<FaqMemory>('faqAnswers'),
    welcomed: conversationState.createProperty<boolean>('welcomed'),
  };
  const bot = new Ha30Bot(conversationState, userState, new RootDialog({ ...realServices(), testimonies }, memory), createLogger('silent'));
  const adapter = new TestAdapter(async (context) => {
    if (profile && !(await memory.profile.get(context))) await memory.profile.set(context, { ...profile, savedAt: '2026-10-01T08:00:00.000Z' });
    await bot.run(context);
  }, { locale: 'fr-FR' });
  const file = path.join(dataDir, TESTIMONIES_FILE);
  return { adapter, testimonies, file, lines: () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) : []) };
}

const PERSONAL =
  "Bonjour, je suis Jean-Pierre Martin, gérant de Martin Plomberie SARL (SIRET 732 829 320 00074). On a été écartés d'un marché de la mairie parce que l'attestation URSSAF avait 7 mois. Personne ne nous l'a dit avant. Proposition : prévenir les PME par mail avant de rejeter. Appelez-moi au 06 12 34 56 78 ou jp.martin@martin-plomberie.fr.";

describe('the Témoigner goal', () => {
  beforeAll(() => freezeDate('2026-11-14T10:30:00+01:00'));
  afterAll(() => jest.useRealTimers());

  it('keeps, after consent and confirmation, the scrubbed text with the trade and the size band only, dated by month', async () => {
    const { adapter, lines, file } = testimonyBot();
    await transcript(adapter, [
      ['je voudrais témoigner', CONSENT],
      ['oui', ASK_TEXT],
      [PERSONAL, ASK_TRADE],
      ['je suis plombier à Alès', ASK_SIZE],
      ['6 salariés', CONFIRM],
    ]);
    await transcript(adapter, [["Oui, l'enregistrer", THANKS, NEXT]]);
    const records = lines();
    expect(records).toHaveLength(1);
    expect(Object.keys(records[0]!).sort()).toEqual(['month', 'sizeBand', 'text', 'trade']);
    expect(records[0]).toMatchObject({ month: '2026-11', trade: 'plombier', sizeBand: '1-9' });
    const stored = String(records[0]!.text);
    expect(stored).toContain("l'attestation URSSAF avait 7 mois");
    expect(stored).toContain('prévenir les PME par mail avant de rejeter');
    for (const personal of ['Jean-Pierre', 'Martin', '732 829 320', '06 12 34 56 78', 'jp.martin', 'martin-plomberie', 'Alès']) expect(readFileSync(file, 'utf8')).not.toContain(personal);
    expect(stored).toMatch(/\[nom\][\s\S]*\[SIRET\][\s\S]*\[téléphone\][\s\S]*\[courriel\]/);
    // Nothing of the conversation: its id, the user's, the channel, the day.
    expect(readFileSync(file, 'utf8')).not.toMatch(/Convo1|user1|"test"|2026-11-14|T\d\d:/);
  });

  it('shows the SME the text exactly as it will be kept', async () => {
    const { adapter, testimonies } = testimonyBot();
    await transcript(adapter, [
      [{ type: 'message', value: { ha30Goal: 'TESTIMONY' } }, CONSENT],
      ["d'accord", ASK_TEXT],
      [PERSONAL, ASK_TRADE],
      ['Passer', ASK_SIZE],
    ]);
    const shown = texts(await say(adapter, 'Je préfère ne pas le dire'));
    expect(shown).toMatch(/Ni métier ni taille : le texte seul\./);
    await say(adapter, 'oui');
    const [kept] = await testimonies.list();
    expect(kept).toEqual({ text: expect.any(String), at: '2026-11-01T00:00:00.000Z' });
    expect(shown).toContain(`« ${kept!.text} »`);
  });

  it('keeps nothing when the SME says no, at the consent or at the confirmation', async () => {
    const first = testimonyBot();
    await transcript(first.adapter, [
      ['témoigner', CONSENT],
      ['Non', /^Entendu, je ne garde rien/, NEXT],
    ]);
    expect(first.lines()).toEqual([]);
    const second = testimonyBot();
    await transcript(second.adapter, [
      ['témoigner', CONSENT],
      ['oui', ASK_TEXT],
      ['Les délais de réponse sont trop courts pour une petite entreprise comme la nôtre.', ASK_TRADE],
      ['électricien', ASK_SIZE],
      ['seul', CONFIRM],
      ['Non, ne rien garder', /^Entendu, je n'ai rien gardé\.$/, NEXT],
    ]);
    expect(second.lines()).toEqual([]);
    expect(existsSync(second.file)).toBe(false);
  });

  it.each([
    ['at the consent', 0],
    ['at the text', 1],
    ['at the trade', 2],
    ['at the size', 3],
    ['at the confirmation', 4],
  ])('keeps nothing when the SME types « annuler » %s', async (_where, after) => {
    const { adapter, lines } = testimonyBot();
    const steps: [string, RegExp][] = [
      ['témoigner', CONSENT],
      ['oui', ASK_TEXT],
      ['Le dossier de consultation était introuvable sur la plateforme, il faudrait un lien direct.', ASK_TRADE],
      ['maçon', ASK_SIZE],
      ['1 à 9 salariés', CONFIRM],
    ];
    await transcript(adapter, [...steps.slice(0, after + 1), ['annuler', /^C'est annulé/]]);
    expect(lines()).toEqual([]);
    // The goal is over: « oui » now starts nothing.
    expect(texts(await say(adapter, 'oui'))).not.toMatch(THANKS);
    expect(lines()).toEqual([]);
  });

  it('trims a 10,000-character testimony to the limit, and says so before asking to keep it', async () => {
    const { adapter, lines } = testimonyBot();
    const sentence = 'Le règlement de consultation demandait des pièces que nous avions déjà fournies au même acheteur. ';
    const long = sentence.repeat(Math.ceil(10_000 / sentence.length)).slice(0, 10_000);
    expect(long).toHaveLength(10_000);
    await transcript(adapter, [
      ['témoigner', CONSENT],
      ['oui', ASK_TEXT],
      [long, ASK_TRADE],
      ['Passer', ASK_SIZE],
      ['10 à 49 salariés', /^Votre texte dépasse 2 000 caractères : je n'en garde que le début\.\n\nVoici ce que je garderai/],
      ["Oui, l'enregistrer", THANKS, NEXT],
    ]);
    const [record] = lines();
    expect(String(record!.text).length).toBeLessThanOrEqual(2_000);
    expect(String(record!.text)).toMatch(/^Le règlement de consultation demandait[\s\S]*…$/);
    expect(record).toMatchObject({ sizeBand: '10-49' });
    expect(record).not.toHaveProperty('trade');
  });

  it('stores markup as text that no page can run', async () => {
    const { adapter, file, lines } = testimonyBot();
    await transcript(adapter, [
      ['témoigner', CONSENT],
      ['oui', ASK_TEXT],
      ['<b>Le DCE</b> était <script>alert("x")</script>illisible <img src=x onerror=alert(1)> et le seuil < 40 000 € mal expliqué.', ASK_TRADE],
      // The firm's name is no trade word: only the trade is kept.
      ['Durand Frères Plomberie SARL', ASK_SIZE],
      ['passer', CONFIRM],
      ['oui', THANKS, NEXT],
    ]);
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toMatch(/<|>|script|onerror|alert/);
    expect(lines()[0]!.text).toBe('Le DCE était illisible et le seuil ‹ 40 000 € mal expliqué.');
    expect(lines()[0]!.trade).toBe('plomberie');
    expect(raw).not.toMatch(/Durand|Frères|SARL/);
  });

  it('asks again for a text that says nothing, and takes a text full of questions and goal words as the testimony', async () => {
    const { adapter, lines } = testimonyBot();
    const questions = "C'est quoi le DUME ? Pourquoi vérifier mon dossier trois fois ? Quels marchés pour moi si on nous écarte à chaque fois ?";
    await transcript(adapter, [
      ['témoigner', CONSENT],
      ['oui', ASK_TEXT],
      ['bof', /^Dites-m'en un peu plus/],
      ['<script>alert(1)</script>', /^Dites-m'en un peu plus/],
      [questions, ASK_TRADE],
      ['Passer', ASK_SIZE],
      ['passer', CONFIRM],
      ['oui', THANKS, NEXT],
    ]);
    expect(lines()[0]!.text).toBe(questions);
  });

  it('answers a question asked at the consent, then asks for consent again in one line with its buttons', async () => {
    const { adapter, lines } = testimonyBot();
    await transcript(adapter, [
      ['témoigner', CONSENT],
      ["c'est quoi le DUME ?", /DUME[\s\S]*Cette réponse vous a aidé/, /^Reprenons : êtes-vous d'accord pour témoigner dans ces conditions \?\nOui \| Non$/],
      ['oui', ASK_TEXT],
      ['On ne comprend pas les critères de notation, il faudrait les expliquer en une page.', ASK_TRADE],
      ['quel métier je dois mettre ?', /^Je ne reconnais pas ce métier/],
      ['traiteur', ASK_SIZE],
      ['une vingtaine', CONFIRM],
      ['oui', THANKS, NEXT],
    ]);
    expect(lines()[0]).toMatchObject({ trade: 'traiteur', sizeBand: '10-49' });
  });

  it('takes the trade and the size band from the SME profile instead of asking them', async () => {
    const { adapter, lines } = testimonyBot({ activity: 'plombier', departments: ['30'], employees: 0 });
    await transcript(adapter, [
      ['je veux témoigner', CONSENT],
      ['oui', ASK_TEXT],
      ["La signature électronique m'a coûté une journée, il faudrait une aide de la CCI.", /Métier : plombier — taille : 0 salarié\.[\s\S]*Je l'enregistre/],
      ["Oui, l'enregistrer", THANKS, NEXT],
    ]);
    expect(lines()[0]).toMatchObject({ trade: 'plombier', sizeBand: '0' });
  });

  it('goes to another goal named at the size question, then comes back to the testimony', async () => {
    const { adapter, lines } = testimonyBot();
    await transcript(adapter, [
      ['témoigner', CONSENT],
      ['oui', ASK_TEXT],
      ['Les acheteurs ne publient pas assez tôt leurs achats à venir, il faudrait un calendrier.', ASK_TRADE],
      ['Passer', ASK_SIZE],
      ['je veux contacter un acheteur du club', /CCI Gard/, /^Reprenons : combien de salariés compte votre entreprise \? \(facultatif\)\n0 salarié/],
      ['50 à 249 salariés', CONFIRM],
      ['oui', THANKS, NEXT],
    ]);
    expect(lines()).toHaveLength(1);
  });
});
