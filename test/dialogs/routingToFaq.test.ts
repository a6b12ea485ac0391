import { freezeDate } from '../support/clock';
import { openTestCatalogue } from '../support/services';
import { transcript } from '../support/transcript';
import { faqBot, say, texts } from './faqSupport';

const ANSWER_CARD = /Cette réponse vous a aidé \?\nOui\nNon\n/;
const ANOTHER = /Une autre question/;
const DONT_KNOW = /^Je ne connais pas encore la réponse à cette question/;

/** The replies to one text typed at the start of a conversation. */
async function firstReplies(text: string): Promise<string> {
  const { adapter } = faqBot({ tenders: await openTestCatalogue() });
  return texts(await say(adapter, text));
}

describe('routing a text the FAQ answers', () => {
  beforeAll(() => freezeDate('2026-12-01T10:00:00+01:00'));
  afterAll(() => jest.useRealTimers());

  it('answers from the FAQ a question without « ? » that only sounds like a goal', async () => {
    for (const [text, topic] of [
      ['je peux proposer une variante', /variante/i],
      ['on a le droit de faire une variante dans notre offre', /variante/i],
      ['entreprise créée il y a 3 mois pas de bilan je peux candidater', /bilan|création|récente/i],
      ['société toute neuve sans bilan on peut quand même répondre', /bilan|création|récente/i],
    ] as const) {
      const replies = await firstReplies(text);
      expect({ text, replies }).toEqual({ text, replies: expect.stringMatching(ANSWER_CARD) });
      expect({ text, replies }).toEqual({ text, replies: expect.stringMatching(topic) });
      expect(replies).not.toMatch(/Où en êtes-vous|reconnu de métier|D'après votre activité/);
    }
  });

  it('still starts the goal a text asks for outright, when the FAQ has an answer too', async () => {
    const { adapter } = faqBot({ tenders: await openTestCatalogue() });
    await transcript(adapter, [
      ['contacter un acheteur', /acheteurs[\s\S]*CCI Gard/, /Que souhaitez-vous faire maintenant/],
      ['je voudrais vérifier mon dossier', /Où en êtes-vous/],
    ]);
  });

  it('takes no question put to the bot for a profile, unless it asks for tenders', async () => {
    for (const text of ['tu connais un bon comptable a nimes', 'vous connaissez un expert comptable sur Alès', 'tu sais où trouver un bon avocat à Uzès']) {
      const replies = await firstReplies(text);
      expect({ text, replies }).toEqual({ text, replies: expect.stringMatching(DONT_KNOW) });
      expect(replies).not.toMatch(/D'après votre activité/);
    }
    const { adapter } = faqBot({ tenders: await openTestCatalogue() });
    await transcript(adapter, [['tu connais des marchés de plomberie à Alès', /^D'après votre activité[\s\S]*45330000 : Travaux de plomberie/]]);
  });

  it('takes a question about an amount for the FAQ, not a tender search, while « quels marchés » still searches', async () => {
    for (const text of ["jusqu'à quel montant un marché de travaux peut être passé sans publicité ?", "a partir de quel montant un marché de travaux doit etre publié ?"]) {
      const replies = await firstReplies(text);
      expect({ text, replies }).toEqual({ text, replies: expect.stringMatching(/petits marchés sans appel d'offres|seuils/i) });
      expect(replies).not.toMatch(/D'après votre activité|Quelle est votre activité/);
    }
    for (const text of ['quels marchés pour moi ?', 'quels sont les marchés de plomberie à Alès ?']) {
      expect({ text, replies: await firstReplies(text) }).toEqual({ text, replies: expect.stringMatching(/D'après votre activité|activité|métier/) });
    }
  });

  it('reads what follows a greeting in the same message', async () => {
    const { adapter, gapLog } = faqBot({ tenders: await openTestCatalogue() });
    await transcript(adapter, [
      ["bonjour, le dume c'est obligatoire ?", /DUME[\s\S]*Cette réponse vous a aidé/, ANOTHER],
      ['Salut ! je peux proposer une variante', /variante[\s\S]*Cette réponse vous a aidé/i, ANOTHER],
      ['bonjour madame, mon client privé ne me paie pas depuis 3 mois je fais quoi', DONT_KNOW, /maintenant/],
      ['bonjour', /Bienvenue/],
    ]);
    expect((await gapLog()).map((gap) => gap.question)).toEqual([expect.stringMatching(/^mon client privé ne me paie pas/)]);
  });

  it('answers a question announced as such inside a goal, then asks its own question again', async () => {
    const { adapter } = faqBot({ tenders: await openTestCatalogue() });
    await transcript(adapter, [
      ['je suis plombier à Alès, 6 salariés, quels marchés pour moi ?', /« plombier »/],
      ['oui', /qualifications ou certifications/],
      ["j'ai une question sur le dume", /DUME[\s\S]*Cette réponse vous a aidé/, /^Reprenons : avez-vous des qualifications ou certifications/],
      ['Qualibat', /travaux, des fournitures ou des services/],
    ]);
    const check = faqBot({ tenders: await openTestCatalogue() }).adapter;
    await transcript(check, [
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['question : la retenue de garantie c est combien', /Cette réponse vous a aidé/, /^Reprenons : vous préparez votre dépôt/],
      ['dépôt', /date limite de remise/],
      ['autre question la signature électronique est obligatoire', /Cette réponse vous a aidé/, /^Reprenons : quelle est la date limite/],
      ['15/12/2026 à 12h', /C'est noté : date limite le 15\/12\/2026/, /travaux, de fournitures ou de services/],
    ]);
  });
});
