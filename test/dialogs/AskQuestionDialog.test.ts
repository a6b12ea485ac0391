import { transcript } from '../support/transcript';
import { faqActions, faqBot, press, say, texts } from './faqSupport';

const ANSWER_CARD = /Voir aussi :[\s\S]*Cette réponse vous a aidé \?\nOui\nNon$/;

describe('the FAQ in the conversation', () => {
  it('answers a known question with its short text and a card: details, references, links, related topics, Oui / Non', async () => {
    const { adapter } = faqBot();
    const replies = await say(adapter, 'c koi la diff entre dc1 et dume');
    expect(replies).toHaveLength(2);
    const [answer, next] = replies;
    expect(answer!.text).toMatch(/DUME[\s\S]*DC1/);
    expect(texts([answer!])).toMatch(ANSWER_CARD);
    expect(texts([next!])).toMatch(/^Une autre question \?[\s\S]*Poser une question/);
    const card = answer!.attachments![0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect((card.content as { version: string }).version).toBe('1.5');
    const actions = faqActions(replies);
    const details = actions.get('faqDetails')!;
    expect(details.type).toBe('Action.ShowCard');
    const detailText = details.card!.body.map((block) => block.text).join('\n').replace(/[\u00a0\u202f]/g, ' ');
    expect(detailText).toMatch(/Textes de référence : Code de la commande publique, art\. R2143/);
    expect(detailText).toMatch(/À vérifier/);
    expect(details.card!.actions.length).toBeGreaterThan(0);
    for (const link of details.card!.actions) expect(link).toMatchObject({ type: 'Action.OpenUrl', url: expect.stringMatching(/^https:\/\//) });
    // The buttons carry a reference and the topic, never the question.
    expect(JSON.stringify([...actions.values()].map((action) => action.data))).not.toMatch(/c koi|dc1 et dume/);
  });

  it('asks for the question after « Poser une question », then answers it', async () => {
    await transcript(faqBot().adapter, [
      ['Poser une question', /^Quelle est votre question \?/],
      ['poser une question', /^Quelle est votre question \?/],
      ["l'attestation urssaf elle vaut combien de temps", /Urssaf[\s\S]*6 mois/i, /Une autre question/],
    ]);
    await transcript(faqBot().adapter, [[{ type: 'message', value: { ha30Goal: 'ASK_QUESTION' } }, /^Quelle est votre question \?/]]);
  });

  it('answers a related topic when its button is pressed', async () => {
    const { adapter } = faqBot();
    const first = await say(adapter, 'le dume c obligatoire ?');
    const related = faqActions(first).get('faqRelated1')!;
    const replies = await say(adapter, press(related));
    expect(texts(replies)).toMatch(new RegExp(`^[\\s\\S]*${related.title!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*Cette réponse vous a aidé`));
  });

  it('counts « Oui » once, and sends « Non » to the gap log with the question that was answered', async () => {
    const { adapter, gapLog, feedbackLog } = faqBot();
    const answered = await say(adapter, 'decenale a fournir qd');
    const yes = faqActions(answered).get('faqHelpful');
    const no = faqActions(answered).get('faqNotHelpful');
    await transcript(adapter, [
      [press(no), /^Désolé que cette réponse ne vous ait pas aidé[\s\S]*reformuler[\s\S]*gard\.cci\.fr[\s\S]*Poser une question \| Contacter le club$/],
      // A second click on the same card, even the other button, is not counted again.
      [press(no), /déjà noté votre avis/],
      [press(yes), /déjà noté votre avis/],
    ]);
    expect(await feedbackLog()).toEqual([expect.objectContaining({ topic: 'FAQ_INSURANCE', helpful: false })]);
    expect(await gapLog()).toEqual([expect.objectContaining({ kind: 'NOT_HELPFUL', question: expect.stringContaining('decenale a fournir qd'), topicGuess: 'FAQ_INSURANCE' })]);

    const other = await say(adapter, 'c quoi le délai de paiement d une commune');
    await transcript(adapter, [[press(faqActions(other).get('faqHelpful')), /^Merci pour votre retour/]]);
    expect(await feedbackLog()).toHaveLength(2);
    expect(await gapLog()).toHaveLength(1);
  });

  it('does not trust a forged or stale button', async () => {
    const { adapter, gapLog, feedbackLog } = faqBot();
    const answered = await say(adapter, 'le dume c obligatoire ?');
    const no = faqActions(answered).get('faqNotHelpful')!;
    await transcript(adapter, [
      [{ type: 'message', value: { ...no.data, ref: 999 } }, /ne retrouve plus cette réponse/],
      [{ type: 'message', value: { ...no.data, topic: 'FAQ_AVANCE' } }, /ne retrouve plus cette réponse/],
      [{ type: 'message', value: { ha30Faq: 'feedback', ref: 1, topic: '<img src=x>', helpful: false } }, /ne retrouve plus cette réponse/],
      [{ type: 'message', value: { ha30Faq: 'topic', topic: 'FAQ_DOES_NOT_EXIST' } }, /ne retrouve plus cette réponse/],
    ]);
    expect(await feedbackLog()).toEqual([]);
    expect(await gapLog()).toEqual([]);
  });

  it('says honestly what it does not know, passes it on to the club and gives the CCI', async () => {
    const { adapter, gapLog } = faqBot();
    await transcript(adapter, [
      ['tu connais un bon garagiste à Uzès ?', /^Je ne connais pas encore la réponse[\s\S]*transmets au club HA30[\s\S]*CCI Gard[\s\S]*gard\.cci\.fr/, /Que souhaitez-vous faire maintenant/],
      ["c'est quoi un marché de conception-réalisation ?", /^Je ne connais pas encore la réponse/, /Que souhaitez-vous faire maintenant/],
    ]);
    expect(await gapLog()).toEqual([
      expect.objectContaining({ kind: 'UNANSWERED', question: expect.stringContaining('garagiste'), channel: 'test' }),
      expect.objectContaining({ kind: 'UNANSWERED', question: expect.stringContaining('conception-réalisation') }),
    ]);
  });

  it('asks which of two topics is meant; a pick answers it, « Aucun des deux » is an honest « je ne sais pas »', async () => {
    const { adapter, services, gapLog } = faqBot();
    // Questions a classifier may hesitate on; the test needs one it does hesitate on, whatever it is.
    const hesitant = [
      'un certificat de qualification obtenu en Italie est-il accepté ?',
      'pades cades ou xades lequel choisir ?',
      'on a été retenus mais on ne pourra pas faire le chantier, que se passe-t-il ?',
      'toujours les mêmes attestations à chaque fois, y a pas moyen de faire autrement ?',
      'ma boite est en redressement, je peux candidater ?',
      'une qualification étrangère ça compte ?',
      'le prix compte combien ?',
      'la note technique ou le prix, ça compte comment ?',
      'pour une petite boite les attestations c est quoi ?',
    ].filter((question) => services.faq.understand(question).decision === 'choose');
    expect(hesitant.length).toBeGreaterThan(1);
    const [first, second] = hesitant as [string, string];
    const choice = await say(adapter, first);
    expect(texts(choice)).toMatch(/^Je veux être sûr de bien vous répondre[\s\S]*\nAucun des deux$/);
    const picked = faqActions(choice).get('faqChoice2')!;
    await transcript(adapter, [[press(picked), new RegExp(`${picked.title!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*Cette réponse vous a aidé`)]]);
    const again = await say(adapter, second);
    await transcript(adapter, [[press(faqActions(again).get('faqChoiceNone')), /^Je ne connais pas encore la réponse/]]);
    // A second click on the spent card neither answers as a guess nor logs again.
    await transcript(adapter, [[press(faqActions(again).get('faqChoiceNone')), /^D'accord\. Reformulez/]]);
    expect((await gapLog()).map((gap) => [gap.kind, gap.question])).toEqual([
      ['LOW_CONFIDENCE', first],
      ['LOW_CONFIDENCE', second],
    ]);
    // « Aucun des deux » does not log the question a second time: the buyers would count it twice.
  });

  it('answers bad input politely, never echoes it, and keeps nothing of it raw', async () => {
    const { adapter, gapLog } = faqBot();
    const hostile = ['', '   ', 'a'.repeat(10_000), '🙂😂👍', '<script>alert("x")</script>', '\u0000\u0001PK\u0003\u0004\u00ff\u00fe', '%PDF-1.7 \u0000\u0000 obj', "'; DROP TABLE gaps; --"];
    for (const input of hostile) {
      for (const turns of [[input], ['Poser une question', input]]) {
        let last: string = '';
        for (const turn of turns) last = texts(await say(adapter, turn));
        expect({ input, reply: last }).toEqual({ input, reply: expect.stringMatching(/\S/) });
        expect(last).not.toMatch(/<script|\u0000|DROP TABLE|aaaaaaaaaa/);
      }
    }
    for (const gap of await gapLog()) expect(gap.question).not.toMatch(/<script|\u0000/);
  });
});
