import type { Activity, TestAdapter } from 'botbuilder';
import { freezeDate } from '../support/clock';
import { readable } from '../support/replies';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFile, openCatalogue } from '../../src/tenders';
import { KNOWLEDGE_DIR, openTestCatalogue, realServices, testBot } from '../support/services';
import { transcript } from '../support/transcript';

/** The card actions of the last carousel, to press them as the SME would. */
function cardActions(replies: Partial<Activity>[]): { id: string; data?: Record<string, unknown> }[][] {
  const carousel = replies.find((reply) => (reply.attachments?.length ?? 0) > 1);
  return (carousel?.attachments ?? []).map((attachment) => (attachment.content as { actions: { id: string; data?: Record<string, unknown> }[] }).actions);
}

async function send(adapter: TestAdapter, turn: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  await adapter.receiveActivity(typeof turn === 'string' ? { type: 'message', text: turn } : { type: 'message', ...turn });
  return adapter.activeQueue.splice(0).filter((reply) => reply.type !== 'typing');
}

describe('find tenders, profile and contacts dialogs', () => {
  // The example tenders' deadlines are in early 2027: read as of 1 December 2026.
  beforeAll(() => freezeDate('2026-12-01T10:00:00+01:00'));
  afterAll(() => jest.useRealTimers());
  const bot = async () => testBot({ ...realServices(), tenders: await openTestCatalogue() });

  it('turns the newcomer sentence into Gard plumbing tenders with reasons, deadlines and the example mark', async () => {
    const adapter = await bot();
    await transcript(adapter, [
      // Activity and town come from the sentence: neither is asked again.
      ['je suis plombier à Alès, quels marchés pour moi ?', /D'après votre activité « plombier »[\s\S]*45330000 : Travaux de plomberie[\s\S]*Oui, garder ces domaines/],
      ['oui', /Combien de salariés[\s\S]*Moins de 100 k€ \| 100 à 500 k€/],
      ['6 salariés, CA 450 k€', /qualifications ou certifications[\s\S]*Aucune \| Qualibat/],
      ['Qualibat', /travaux, des fournitures ou des services/],
      [
        'Travaux',
        /^Votre profil : plombier, à Alès, 6 salariés, CA 450 000 €, Qualibat, marchés de travaux\. Je le garde[\s\S]*« oublier mon profil »/,
        /Aucun vrai marché n'est encore importé[\s\S]*exemples de démonstration/,
        /Voici les 3 marchés[\s\S]*EXEMPLE — marché fictif[\s\S]*Rénovation des sanitaires[\s\S]*Alès[\s\S]*Acheteur : Conseil départemental du Gard[\s\S]*Date limite : 18\/01\/2027 à 12h00 \(dans 48 jours\)[\s\S]*Montant estimé : 185 000 €[\s\S]*Pourquoi ce marché : CPV 45330000 \(travaux de plomberie\)[\s\S]*Vérifier mon dossier pour ce marché\nContacter l'acheteur[\s\S]*Plus de résultats\nM'alerter des nouveaux marchés/,
        /Que souhaitez-vous faire maintenant/,
      ],
    ]);
  });

  it('tells a plumber who gave only a headcount that a tender is large for 3 employees, never a turnover it did not give', async () => {
    const adapter = await bot();
    await transcript(adapter, [
      ['je suis plombier à Alès, 3 salariés, quels marchés pour moi ?', /D'après votre activité « plombier »[\s\S]*Oui, garder ces domaines/],
      ['oui', /qualifications ou certifications/],
      ['Aucune', /travaux, des fournitures ou des services/],
      [
        'Travaux',
        /^Votre profil : plombier, à Alès, 3 salariés, sans qualification déclarée, marchés de travaux\. Je le garde/,
        /exemples de démonstration/,
        // No turnover figure the SME did not give (the code guesses 100 k€ a head to weigh sizes).
        /^(?![\s\S]*€ de chiffre d’affaires)[\s\S]*Rénovation des sanitaires[\s\S]*Montant estimé : 185 000 €[\s\S]*montant élevé pour une entreprise de 3 salariés \(185 000 €\) : l’acheteur peut exiger un chiffre d’affaires jusqu’à deux fois ce montant/,
        /Que souhaitez-vous faire maintenant/,
      ],
    ]);
  });

  it('with the turnover given, weighs the tender against that turnover', async () => {
    const adapter = await bot();
    await transcript(adapter, [
      ['je suis plombier à Alès, 3 salariés, CA 300 k€, quels marchés pour moi ?', /Oui, garder ces domaines/],
      ['oui', /qualifications ou certifications/],
      ['Aucune', /travaux, des fournitures ou des services/],
      ['Travaux', /CA 300 000 €/, /exemples de démonstration/, /Rénovation des sanitaires[\s\S]*montant élevé pour votre taille \(185 000 € pour 300 000 € de chiffre d’affaires\)/, /Que souhaitez-vous faire/],
    ]);
  });

  it('never shows cleaning or closed tenders to the plumber, and pages through with "plus de résultats"', async () => {
    const adapter = await bot();
    await send(adapter, 'jsuis plombier a ales 6 salaries, des marchés ?');
    await send(adapter, 'oui');
    await send(adapter, 'aucune');
    const first = await send(adapter, 'tous');
    const firstText = first.map((reply) => readable(reply)).join('\n');
    expect(firstText).not.toMatch(/nettoyage/i);
    const footer = cardActions(first).at(-1)!;
    expect(footer.map((action) => action.id)).toEqual(['moreResults', 'subscribeAlerts']);
    expect(footer[1]!.data).toMatchObject({ ha30Text: "m'alerter", msteams: { type: 'imBack', value: "m'alerter" } });
    const second = await send(adapter, { value: footer[0]!.data });
    const secondText = second.map((reply) => readable(reply)).join('\n');
    expect(secondText).toMatch(/résultats 4 à/);
    // No tender of the first page comes again.
    const titles = (replies: Partial<Activity>[]) => replies.flatMap((reply) => (reply.attachments ?? []).map((a) => (a.content as { body: { text: string; size?: string }[] }).body.find((b) => b.size === 'Medium')?.text)).filter(Boolean);
    expect(titles(second).filter((title) => titles(first).includes(title))).toEqual([]);
  });

  it('starts the bid check of a result with its deadline, nature and stage filled in', async () => {
    const adapter = await bot();
    await send(adapter, 'électricien Nimes, 4 salariés, des marchés ?');
    await send(adapter, 'oui');
    await send(adapter, 'RGE');
    const results = await send(adapter, 'travaux');
    const [check] = cardActions(results)[0]!;
    expect(check!.id).toBe('checkThisTender');
    await transcript(adapter, [
      // Neither the stage, the deadline nor the nature is asked: straight to the files.
      [{ type: 'message', value: check!.data }, /^Vérifions votre dossier pour « .+ »\. Je reprends de l'avis : dépôt, date limite le \d\d\/\d\d\/2027, travaux\.$/, /Déposez maintenant vos fichiers/],
    ]);
  });

  it('gives the buyer of a result at organisation level', async () => {
    const adapter = await bot();
    await send(adapter, 'je suis plombier à Alès, 6 salariés, quels marchés pour moi ?');
    await send(adapter, 'oui');
    await send(adapter, 'aucune');
    const results = await send(adapter, 'travaux');
    const contact = cardActions(results)[0]!.find((action) => action.id === 'contactBuyer')!;
    const replies = await send(adapter, { value: contact.data });
    const text = replies.map((reply) => readable(reply)).join('\n');
    expect(text).toMatch(/l'acheteur est Département du Gard[\s\S]*marchespublics\.gard\.fr/);
    expect(text).toMatch(/membre du club HA30/);
    expect(text).not.toMatch(/0[67](?:[ .]?\d{2}){4}/);
  });

  it('re-asks an absurd turnover in French, then forgets the profile on request', async () => {
    const adapter = await bot();
    await transcript(adapter, [
      ['entreprise de nettoyage 12 personnes uzes, quels marchés ?', /« nettoyage »[\s\S]*Services de nettoyage/],
      ['oui', /qualifications ou certifications/],
      ['aucune', /travaux, des fournitures ou des services/],
      ['Services', /Votre profil : nettoyage, à Uzès, 12 salariés/, /exemples de démonstration/, /Voici[\s\S]*Nettoyage des locaux/, /Que souhaitez-vous faire/],
    ]);
    await transcript(adapter, [
      // The kept profile is reused; a new sentence with an absurd turnover is refused in French.
      ['quels marchés pour moi', /^Je reprends votre profil : nettoyage, à Uzès, 12 salariés/, /exemples de démonstration/, /Voici[\s\S]*Nettoyage des locaux/, /Que souhaitez-vous faire/],
      ['je suis peintre à Nîmes, CA 450000000000 €', /« peintre »/],
      ['oui', /chiffre d'affaires de 450 000 000 000 € paraît impossible pour une PME/, /Combien de salariés/],
      // The explanation is the re-ask: the buttons stay on the question above.
      ['CA 12 €', /12 € paraît impossible pour une PME/],
      ['CA 300 k€', /qualifications ou certifications/],
      // Asked in the middle of the questions: the kept profile and the answers under way both go.
      ['oublier mon profil', /j'ai effacé votre profil/],
      ['aucune', /Je n'ai pas bien compris/],
      ['oublier mon profil', /aucun profil enregistré/],
      ['quels marchés pour moi', /décrivez votre activité en quelques mots/],
      ['euh', /Je n'ai pas reconnu de métier/],
    ]);
  });

  it('sees a CLI import made while the bot runs: real tenders only, never mixed with examples', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-import-'));
    const adapter = testBot({ ...realServices(), tenders: await openTestCatalogue(dataDir) });
    await send(adapter, 'je suis plombier à Alès, 6 salariés, quels marchés pour moi ?');
    await send(adapter, 'oui');
    await send(adapter, 'aucune');
    expect((await send(adapter, 'travaux')).map((reply) => readable(reply)).join('\n')).toMatch(/EXEMPLE/);
    // The CLI opens its own catalogue on the same DATA_DIR and imports the real starter records.
    const cli = await openCatalogue(dataDir, { knowledgeDir: KNOWLEDGE_DIR });
    await importFile(cli, 'boamp', path.join(KNOWLEDGE_DIR, 'tenders', 'starter-boamp.json'));
    const after = (await send(adapter, 'quels marchés pour moi')).map((reply) => readable(reply)).join('\n');
    expect(after).toMatch(/Je n'ai trouvé aucun marché ouvert ou à venir pour « plombier » dans le Gard à ce jour[\s\S]*Pour élargir : décrivez votre activité avec d'autres mots[\s\S]*acceptez tous les types de marchés/);
    expect(after).not.toMatch(/EXEMPLE|exemples de démonstration/);
    // The real records are all closed on 1 December 2026 (none in the Gard for plumbing anyway).
    expect(after).not.toMatch(/Sanary|Bourges|Trélazé/);
  });

  it('proposes other domains when the SME describes its activity again', async () => {
    await transcript(await bot(), [
      ['je suis plombier à Alès, 6 salariés', /« plombier »[\s\S]*45330000/],
      ['non, plutôt entretien des espaces verts', /^D'après votre activité « entretien espaces verts »[\s\S]*77310000 : Services de plantation et d'entretien des espaces verts/],
      ['oui', /qualifications ou certifications/],
    ]);
  });

  it('keeps the profile in user state: a new conversation of the same user reuses it', async () => {
    const adapter = await bot();
    await send(adapter, 'électricien à Uzès, 2 salariés, RGE, travaux');
    const saved = (await send(adapter, 'oui')).map((reply) => readable(reply)).join('\n');
    expect(saved).toMatch(/Votre profil : électricien, à Uzès, 2 salariés, RGE, marchés de travaux\. Je le garde/);
    const elsewhere = await send(adapter, { type: 'message', text: 'quels marchés pour moi', conversation: { id: 'second-conversation', isGroup: false, conversationType: 'personal', name: '' } });
    expect(readable(elsewhere[0]!)).toMatch(/^Je reprends votre profil : électricien, à Uzès/);
  });

  it('re-asks an unknown CPV code', async () => {
    await transcript(await bot(), [
      ['électricien à Beaucaire, quels marchés pour moi', /« électricien »/],
      ['99123456', /Je ne connais pas « 99123456 » : un code CPV a 8 chiffres[\s\S]*répondez « oui »/],
      ['45310000', /Combien de salariés/],
    ]);
  });

  it('points a payment delay to the Médiateur and learning to the CCI, and lists events with uncertain dates marked', async () => {
    await transcript(await bot(), [
      ['la mairie ne me paie pas depuis 3 mois', /Retard de paiement[\s\S]*Médiateur des entreprises : [\s\S]*economie\.gouv\.fr/, /Que souhaitez-vous faire/],
      ['Apprendre à répondre', /Apprendre à répondre aux marchés publics[\s\S]*CCI Gard/, /Que souhaitez-vous faire/],
      ['Prochains événements', /Prochains événements :[\s\S]*Réunion du club HA30[\s\S]*date à confirmer[\s\S]*Cible Affaires/, /Que souhaitez-vous faire/],
      ['contacter le club', /CCI Gard/, /Je peux vous orienter[\s\S]*jamais les coordonnées personnelles[\s\S]*Prochains événements \| Un retard de paiement/, /Que souhaitez-vous faire/],
    ]);
  });
});
