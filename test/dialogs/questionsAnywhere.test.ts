import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { FileIntake } from '../../src/attachments/FileIntake';
import { LINES, pdf } from '../fixtures/documents';
import { freezeDate } from '../support/clock';
import { openTestCatalogue } from '../support/services';
import { transcript } from '../support/transcript';
import { faqActions, faqBot, press, say, texts } from './faqSupport';

const RESUME_FILES = /^Reprenons : j'attends toujours vos fichiers/;
const ANSWER_CARD = /Cette réponse vous a aidé \?\nOui\nNon$/;

interface DialogAnswer {
  text: string;
  answersQuestion: string;
}

const dialogAnswers = (JSON.parse(readFileSync(path.resolve(__dirname, '../../bench/faq/dialog-answers.json'), 'utf8')) as { answers: DialogAnswer[] }).answers;

describe('questions anywhere in the conversation', () => {
  // The transcripts name deadlines in December 2026: they are read as of 1 December 2026.
  beforeAll(() => freezeDate('2026-12-01T10:00:00+01:00'));
  afterAll(() => jest.useRealTimers());
  let server: Server;
  let upload: Partial<Activity>;
  let files: FileIntake;
  beforeAll(async () => {
    const kbis = await pdf(LINES.kbis('3 mars 2026'));
    server = createServer((_req, res) => res.end(kbis));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    upload = { type: 'message', attachments: [{ contentType: 'application/pdf', name: 'kbis.pdf', contentUrl: `http://127.0.0.1:${port}/kbis.pdf` }] };
    files = new FileIntake({ maxBytes: 50 * 1024 * 1024, policy: { allowLoopback: false, exemptEndpoints: [{ address: '127.0.0.1', port }] } });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const toFiles: [string, ...RegExp[]][] = [
    ['vérifier mon dossier', /Où en êtes-vous/],
    ['je prépare mon dépôt', /date limite de remise/],
    ['le 12/12/2026 à 12h', /C'est noté/, /travaux, de fournitures ou de services/],
    ['travaux', /Déposez maintenant vos fichiers/],
  ];

  it('answers a question in the middle of the bid check, then the check resumes and accepts the files', async () => {
    const { adapter } = faqBot({ files });
    await transcript(adapter, [
      ...toFiles,
      ['c koi la diff entre dc1 et dume', /DUME[\s\S]*DC1[\s\S]*Le DUME[\s\S]*Cette réponse vous a aidé/, RESUME_FILES],
      ['decenale a fournir qd', /décennale[\s\S]*Cette réponse vous a aidé/i, RESUME_FILES],
      // Not a question the FAQ answers: the check says what it waits for, as before.
      ['euh je sais pas', /^J'attends vos fichiers/],
      [upload, /J'ai bien reçu « kbis\.pdf »/, /Je vérifie/, /Pièces reconnues/, /Résultat/, /Corrigez/, /maintenant/],
    ]);
  });

  it('says honestly it does not know a question asked while the files are awaited, logs it, then the check resumes', async () => {
    const { adapter, gapLog } = faqBot({ files });
    await transcript(adapter, [
      ...toFiles,
      ['tu connais un bon garagiste à Uzès ?', /^Je ne connais pas encore la réponse/, RESUME_FILES],
      ["c'est quoi un marché de conception-réalisation ?", /^Je ne connais pas encore la réponse/, RESUME_FILES],
      // One word and a question mark stays the check's to read.
      ['quoi ?', /^J'attends vos fichiers/],
      [upload, /J'ai bien reçu « kbis\.pdf »/, /Je vérifie/, /Pièces reconnues/, /Résultat/, /Corrigez/, /maintenant/],
    ]);
    expect((await gapLog()).map((gap) => [gap.kind, gap.question])).toEqual([
      ['UNANSWERED', 'tu connais un bon garagiste à Uzès ?'],
      ['UNANSWERED', "c'est quoi un marché de conception-réalisation ?"],
    ]);
  });

  it('answers a question asked instead of the deadline, and asks the deadline again in one line with its button', async () => {
    const { adapter } = faqBot({ files });
    await transcript(adapter, [
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['dépôt', /date limite de remise/],
      ['si la plateforme plante je peux envoyer par mail ?', /Cette réponse vous a aidé/, /^Reprenons : quelle est la date limite de remise des offres \?\nJe ne sais pas$/],
      ['15/12/2026 à 12h', /C'est noté : date limite le 15\/12\/2026/, /travaux, de fournitures ou de services/],
    ]);
  });

  it('takes the answers to its own questions as answers, FAQ words included', async () => {
    // Each reply is typed while the question it answers waits; the files stand in for the questions
    // the bot does not ask (lots, forms, signature…): none of them may be read as a new question.
    const prompts: Record<string, [string, ...string[]]> = {
      deadline: ['vérifier mon dossier', 'dépôt'],
      stage: ['vérifier mon dossier'],
      procedureKind: ['vérifier mon dossier', 'dépôt', 'je ne sais pas'],
      yesNo: ['vérifier mon dossier', 'dépôt', '12/11/2026 à 12h'],
      trade: ['quels marchés pour moi'],
      town: ['je suis plombier, quels marchés pour moi ?', 'oui'],
      amount: ['je suis plombier à Alès, quels marchés pour moi ?', 'oui'],
      size: ['je suis plombier à Alès, quels marchés pour moi ?', 'oui'],
    };
    const taken: string[] = [];
    for (const { text, answersQuestion } of dialogAnswers) {
      const { adapter, gapLog } = faqBot({ files, tenders: await openTestCatalogue() });
      for (const turn of prompts[answersQuestion] ?? ['vérifier mon dossier', 'dépôt', 'je ne sais pas', 'travaux']) await say(adapter, turn);
      const replies = texts(await say(adapter, text));
      if (ANSWER_CARD.test(replies) || /Reprenons|Je veux être sûr/.test(replies) || (await gapLog()).length > 0) taken.push(`${answersQuestion}: « ${text} » → ${replies.slice(0, 80)}`);
    }
    expect(taken).toEqual([]);
  });

  it('answers a question between two profile questions without taking « travaux » for one', async () => {
    const { adapter } = faqBot({ tenders: await openTestCatalogue() });
    await transcript(adapter, [
      ['je suis plombier à Alès, 6 salariés, quels marchés pour moi ?', /« plombier »/],
      ['oui', /qualifications ou certifications/],
      ["c'est quoi une attestation de vigilance ?", /Urssaf[\s\S]*Cette réponse vous a aidé/i, /^Reprenons : avez-vous des qualifications ou certifications \?\nAucune \| Qualibat/],
      ['Qualibat', /travaux, des fournitures ou des services/],
      ['travaux', /^Votre profil : plombier, à Alès, 6 salariés, Qualibat, marchés de travaux/, /exemples de démonstration/, /Voici/, /Que souhaitez-vous faire/],
    ]);
  });

  it('runs another goal asked for in the middle of the check, then resumes the check', async () => {
    const { adapter } = faqBot({ files, tenders: await openTestCatalogue() });
    await transcript(adapter, [
      ...toFiles,
      ['contacter un acheteur', /acheteurs[\s\S]*CCI Gard/, RESUME_FILES],
      ['quels marchés pour moi', /décrivez votre activité/],
      // The tender search asks its own questions; a question there resumes the search, not the check.
      ['le dume c obligatoire ?', /Cette réponse vous a aidé/, /^Reprenons : quelle est votre activité \?/],
      ['plombier à Alès, 6 salariés', /« plombier »/],
      ['oui', /qualifications/],
      ['aucune', /travaux, des fournitures/],
      ['travaux', /Votre profil/, /exemples/, /Voici/, RESUME_FILES],
      [upload, /J'ai bien reçu « kbis\.pdf »/, /Je vérifie/, /Pièces reconnues/, /Résultat/, /Corrigez/, /maintenant/],
    ]);
  });

  it('takes « Poser une question » in the middle of the check, and a goal typed instead of the question', async () => {
    const { adapter } = faqBot({ files, tenders: await openTestCatalogue() });
    await transcript(adapter, [
      ...toFiles,
      ["j'ai une question", /^Quelle est votre question \?/],
      ['une attestation fiscale ça se demande où', /Cette réponse vous a aidé/, RESUME_FILES],
      ['poser une question', /^Quelle est votre question \?/],
      ['en fait je veux contacter le club', /CCI Gard/, RESUME_FILES],
    ]);
  });

  it('handles a click on an earlier answer card wherever the SME is, then resumes', async () => {
    const { adapter, feedbackLog } = faqBot({ files });
    const answered = await say(adapter, 'le dume c obligatoire ?');
    await transcript(adapter, [
      ['vérifier mon dossier', /Où en êtes-vous/],
      [press(faqActions(answered).get('faqHelpful')), /^Merci pour votre retour/, /^Reprenons : vous préparez votre dépôt, ou l'acheteur vous a retenu \?\nJe prépare mon dépôt/],
      [press(faqActions(answered).get('faqRelated1')), /Cette réponse vous a aidé/, /^Reprenons : vous préparez votre dépôt/],
      ['dépôt', /date limite/],
    ]);
    expect(await feedbackLog()).toEqual([expect.objectContaining({ topic: 'FAQ_WHAT_IS_DUME', helpful: true })]);
  });
});
