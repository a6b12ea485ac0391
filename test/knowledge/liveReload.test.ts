import { readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LINES, pdf, zip } from '../fixtures/documents';
import { DirectLineClient } from '../support/directLineClient';
import { readable } from '../support/replies';
import { expectReplies, startTestApp, type TestApp } from '../support/startTestApp';
import { waitFor } from '../support/waitFor';
import { editJson, knowledgeCopy, writeRaw } from './support/liveFolder';

jest.setTimeout(180_000);

/** Generous: the machine is shared; the contract's 5 s is what a person sees on an idle server. */
const RELOAD_WAIT = { timeoutMs: 60_000, everyMs: 100 };

let conversation = 0;
async function say(app: TestApp, text: string, id = `live-${++conversation}`): Promise<string> {
  const { status, replies } = await expectReplies(app.url, { type: 'message', text, conversation: { id } });
  expect(status).toBe(200);
  return replies.map((reply) => readable(reply)).join('\n');
}

async function reloaded(app: TestApp, before: string): Promise<void> {
  await waitFor('the edited knowledge to be in service', () => app.knowledge.status().version !== before, { ...RELOAD_WAIT, context: () => JSON.stringify(app.knowledge.status()) });
}

async function refused(app: TestApp, count: number): Promise<void> {
  await waitFor(`refusal number ${count}`, () => app.knowledge.status().refusals.length >= count, { ...RELOAD_WAIT, context: () => JSON.stringify(app.knowledge.status()) });
}

function parisDay(daysAgo: number): string {
  const day = new Date(Date.now() - daysAgo * 86_400_000);
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(day);
}

/** A real bid check through the local Direct Line, a Kbis dated `kbisDate` and a DC1: the report's text. */
async function checkKbis(app: TestApp, kbisDate: string): Promise<string> {
  const sme = await DirectLineClient.start(app.url);
  await sme.say('je veux vérifier mon dossier');
  await sme.botSays(/Où en êtes-vous/, 30_000);
  await sme.say('Je prépare mon dépôt');
  await sme.botSays(/date limite de remise/, 30_000);
  await sme.say('je sais pas');
  await sme.botSays(/travaux, de fournitures ou de services/, 30_000);
  await sme.say('travaux');
  await sme.botSays(/Déposez maintenant vos fichiers/, 30_000);
  await sme.upload([{ name: 'dossier.zip', bytes: await zip({ 'kbis.pdf': await pdf(LINES.kbis(kbisDate)), 'DC1.pdf': await pdf(LINES.dc1(false, '2')) }), type: 'application/zip' }]);
  return (await sme.botSays(/Corrigez les points signalés|Vous pouvez déposer d'autres pièces/, 60_000)).join('\n');
}

describe('live reload of the knowledge in a running app', () => {
  let app: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = knowledgeCopy();
    app = await startTestApp({ KNOWLEDGE_DIR: dir });
  });
  afterAll(async () => {
    await app?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the folder it was given, from the start', () => {
    expect(app.knowledge.status()).toMatchObject({ version: expect.stringMatching(/^[0-9a-f]{16}$/), source: 'start', training: false, refusals: [] });
  });

  it('shows a message text edited in the folder in the next turn, without a restart', async () => {
    expect(await say(app, 'oublier mon profil')).toContain('aucun profil enregistré');
    const before = app.knowledge.status().version;
    editJson(dir, 'messages.json', (data) => {
      data.messages['profile.nothingToForget'] = 'Rien à oublier : aucun profil n’était enregistré (texte modifié en direct).';
    });
    await reloaded(app, before);
    expect(app.knowledge.status().source).toBe('file');
    expect(await say(app, 'oublier mon profil')).toContain('texte modifié en direct');
  });

  it('knows a town added to places.json in the next profile typed in the chat', async () => {
    const sentence = 'je suis plombier à Lussan, 3 salariés';
    // Unknown, the town is read as part of the trade.
    expect(await say(app, sentence)).toContain("D'après votre activité « plombier Lussan »");
    const version = app.knowledge.status().version;
    editJson(dir, 'places.json', (data) => data.towns.push({ name: 'Lussan', department: '30' }));
    await reloaded(app, version);
    expect(await say(app, sentence)).toContain("D'après votre activité « plombier »,");
  });

  it('refuses a file that is not JSON: the status lists it in French, and the previous knowledge still answers', async () => {
    const count = app.knowledge.status().refusals.length;
    const version = app.knowledge.status().version;
    writeRaw(dir, 'messages.json', '{ "messages": { "profile.nothingToForget": "cassé" ');
    await refused(app, count + 1);
    const refusal = app.knowledge.status().refusals[0]!;
    expect(refusal).toMatchObject({ source: 'file', at: expect.any(String) });
    expect(refusal.problems).toContainEqual({ file: 'messages.json', path: '/', message: expect.stringMatching(/^n’est pas du JSON valide .* — /) });
    expect(app.knowledge.status().version).toBe(version);
    expect(await say(app, 'oublier mon profil')).toContain('texte modifié en direct');
  });

  it('refuses HTML in a message, then takes the folder again once it is fixed', async () => {
    writeRaw(dir, 'messages.json', JSON.stringify({ ...shipped('messages.json'), messages: { ...shipped('messages.json').messages, 'profile.nothingToForget': 'Rien à <b>oublier</b>.' } }, null, 2));
    const count = app.knowledge.status().refusals.length;
    await refused(app, count + 1);
    expect(app.knowledge.status().refusals[0]!.problems).toContainEqual({ file: 'messages.json', path: '/messages/profile.nothingToForget', message: expect.stringContaining('contient du HTML (« <b> »)') });
    expect(await say(app, 'oublier mon profil')).toContain('texte modifié en direct');
    const before = app.knowledge.status().version;
    writeRaw(dir, 'messages.json', JSON.stringify(shipped('messages.json'), null, 2));
    await reloaded(app, before);
    expect(await say(app, 'oublier mon profil')).toContain('aucun profil enregistré');
  });

  it('refuses a rule that names an unknown document type, keeping the rules in service', async () => {
    const count = app.knowledge.status().refusals.length;
    editJson(dir, 'rules/e-identity.json', (data) => {
      data.rules.find((rule: { id: string }) => rule.id === 'KBIS_TOO_OLD').detect[0].params.types[0] = 'KBISS';
    });
    await refused(app, count + 1);
    const { problems } = app.knowledge.status().refusals[0]!;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === 'rules/e-identity.json')).toBe(true);
    expect(problems.map((p) => p.message).join('\n')).toContain('« KBISS »');
    expect(app.knowledge.current().knowledge.rules.find((rule) => rule.id === 'KBIS_TOO_OLD')!.detect[0]!.params).toMatchObject({ types: ['KBIS', 'EXTRAIT_K', 'RNE', 'SIRENE'] });
    writeRaw(dir, 'rules/e-identity.json', JSON.stringify(shipped('rules/e-identity.json'), null, 2));
  });

  it('a rule remedy and the Kbis window edited in the folder change the next bid check', async () => {
    const kbis = parisDay(45);
    const first = await checkKbis(app, kbis);
    expect(first).not.toContain('Extrait d\'immatriculation trop ancien');
    const before = app.knowledge.status().version;
    editJson(
      dir,
      'rules/e-identity.json',
      (data) => {
        data.rules.find((rule: { id: string }) => rule.id === 'KBIS_TOO_OLD').remedy = 'Demandez au greffe un extrait de moins d’un mois (conseil modifié en direct).';
      },
      'rename',
    );
    editJson(dir, 'rules/settings.json', (data) => {
      data.kbisMaxAgeMonths = 1;
    });
    await waitFor('both files in service', () => app.knowledge.status().version !== before && app.knowledge.current().knowledge.checkSettings.kbisMaxAgeMonths === 1 && app.knowledge.current().knowledge.rules.some((rule) => JSON.stringify(rule.remedy).includes('modifié en direct')), RELOAD_WAIT);
    const second = await checkKbis(app, kbis);
    expect(second).toContain('conseil modifié en direct');
    expect(second).toContain(kbis);
  });

  it('answers a new FAQ topic added to the folder once the background training is done', async () => {
    const question = 'le stationnement des vélos cargo au salon HA30 est-il gratuit ?';
    const before = app.knowledge.status().version;
    const text = await say(app, question);
    expect(text).not.toContain('vélos cargo stationnent gratuitement');
    writeRaw(dir, 'faq/topics/FAQ_VELO_CARGO.json', JSON.stringify(cargoTopic(), null, 2));
    await reloaded(app, before);
    expect(app.knowledge.status().training).toBe(false);
    expect(app.knowledge.current().faq.understand(question)).toMatchObject({ decision: 'answer', faq: 'FAQ_VELO_CARGO' });
    expect(await say(app, question)).toContain('vélos cargo stationnent gratuitement');
  });

  it('an admin save is in service when reloadNow("admin") resolves, and a second reload of the same folder changes nothing', async () => {
    editJson(dir, 'messages.json', (data) => {
      data.messages['profile.nothingToForget'] = 'Aucun profil à effacer (enregistré par la page d’administration).';
    }, 'rename');
    const outcome = await app.knowledge.reloadNow('admin');
    expect(outcome).toEqual({ applied: true, version: app.knowledge.status().version, problems: [] });
    expect(app.knowledge.status().source).toBe('admin');
    expect(await say(app, 'oublier mon profil')).toContain('page d’administration');
    await expect(app.knowledge.reloadNow('admin')).resolves.toEqual(outcome);
  });

  it('a turn that spans a swap reads one version from its start to its end', async () => {
    // The turn waits on a file download the test holds; the knowledge changes meanwhile.
    let held: ServerResponse | undefined;
    const files: Server = createServer((_, res) => {
      held = res;
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const port = (files.address() as AddressInfo).port;
    try {
      const id = `span-${++conversation}`;
      for (const [text, expected] of [['je veux vérifier mon dossier', /Où en êtes-vous/], ['Je prépare mon dépôt', /date limite de remise/], ['je sais pas', /travaux, de fournitures ou de services/], ['travaux', /Déposez maintenant vos fichiers/]] as const) {
        expect(await say(app, text, id)).toMatch(expected);
      }
      const turn = expectReplies(app.url, {
        type: 'message',
        channelId: 'emulator',
        conversation: { id },
        attachments: [{ contentType: 'application/pdf', name: 'kbis.pdf', contentUrl: `http://127.0.0.1:${port}/v3/attachments/k/views/original` }],
      });
      await waitFor('the turn to download the file', () => held !== undefined, RELOAD_WAIT);
      editJson(dir, 'messages.json', (data) => {
        data.messages['checkDossier.nextStep'] = 'VERSION-2 : corrigez puis renvoyez.';
        data.messages['checkDossier.nextStepClean'] = 'VERSION-2 : rien à corriger.';
        data.messages['report.label.remedy'] = 'VERSION-2 remède';
      });
      const outcome = await app.knowledge.reloadNow('admin');
      expect(outcome.applied).toBe(true);
      expect(app.knowledge.current().messages.text('checkDossier.nextStep')).toContain('VERSION-2');
      held!.end(await pdf(LINES.kbis(parisDay(10))));
      const { replies } = await turn;
      const text = replies.map((reply) => readable(reply)).join('\n');
      expect(text).toMatch(/Corrigez les points signalés|Vous pouvez déposer d'autres pièces/);
      expect(text).not.toContain('VERSION-2');
      expect(await say(app, 'oublier mon profil', id)).toBeDefined();
      expect(app.knowledge.current().messages.text('checkDossier.nextStep')).toContain('VERSION-2');
    } finally {
      held?.destroy();
      await new Promise((resolve) => files.close(resolve));
    }
  });
});

describe('stopping an app that watches its knowledge', () => {
  it('stops the watcher: a change written after stop() is not read, and nothing keeps the process open', async () => {
    const dir = knowledgeCopy();
    const app = await startTestApp({ KNOWLEDGE_DIR: dir });
    const version = app.knowledge.status().version;
    await app.cleanup();
    editJson(dir, 'messages.json', (data) => {
      data.messages['profile.nothingToForget'] = 'Après l’arrêt.';
    });
    await expect(app.knowledge.reloadNow('admin')).resolves.toEqual({ applied: false, version, problems: [] });
    expect(app.knowledge.status().version).toBe(version);
    rmSync(dir, { recursive: true, force: true });
  });
});

/** A file as the assistant ships it (the test's folder is a copy being edited). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function shipped(name: string): any {
  return JSON.parse(readFileSync(path.resolve(__dirname, '../../knowledge', name), 'utf8'));
}

function cargoTopic(): Record<string, unknown> {
  return {
    $schema: '../../schemas/faq-topic.schema.json',
    id: 'FAQ_VELO_CARGO',
    title: 'Le stationnement des vélos cargo au salon HA30',
    short: 'Au salon HA30, les vélos cargo stationnent gratuitement sur le parvis, devant l’entrée principale.',
    details: ['Le parvis est surveillé pendant toute la durée du salon.'],
    legal: ['Règlement intérieur du salon HA30'],
    links: [{ label: 'Le salon HA30 (CCI Gard)', url: 'https://www.gard.cci.fr/' }],
    related: [],
    phrasings: [
      'ou garer mon velo cargo au salon ha30',
      'stationnement velo cargo salon',
      'le parking des vélos cargo au salon est gratuit ?',
      'je viens en vélo cargo au salon HA30, je le mets où ?',
      'parvis velo cargo salon ha30',
      'est ce que je peux venir au salon avec mon biporteur',
      'garer un triporteur au salon HA30',
      'vélo cargo salon stationnement payant ?',
      'on peut laisser son velo cargo devant le salon ?',
      'stationner mon vélo-cargo pendant le salon HA30',
      'y a un parking vélo cargo au salon',
    ],
  };
}
