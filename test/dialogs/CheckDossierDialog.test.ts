import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LINES, pdf, zip } from '../fixtures/documents';
import { cleanDossier } from '../bidcheck/support';
import { transcript } from '../support/transcript';
import { rawText } from '../support/replies';
import type { DownloadPolicy } from '../../src/attachments/downloadPolicy';
import { DossierSessions } from '../../src/bidcheck/DossierSessions';
import { MemoryStats, realServices, testBot } from '../support/services';
import { freezeDate } from '../support/clock';

describe('check dossier dialog', () => {
  // The transcripts name deadlines in December 2026: they are read as of 1 December 2026.
  beforeAll(() => freezeDate('2026-12-01T10:00:00+01:00'));
  afterAll(() => jest.useRealTimers());
  let server: Server;
  let base: string;
  const served = new Map<string, Buffer>();
  // The test file server listens on loopback: exempt it, standing in for a public file server.
  let policy: DownloadPolicy;
  const services = (maxBytes?: number, stats?: MemoryStats) => realServices(maxBytes, stats, policy);
  beforeAll(async () => {
    served.set('/teams/devis.pdf', Buffer.alloc(3000, 1));
    served.set('/big.pdf', Buffer.alloc(2 * 1024 * 1024, 1));
    served.set('/empty.pdf', Buffer.alloc(0));
    const files = await cleanDossier();
    served.set('/kbis-ancien.pdf', await pdf(LINES.kbis('3 mars 2026')));
    const withOldKbis = files.filter((f) => f.name !== 'memoire.pdf').map((f) => (f.name.startsWith('Kbis') ? { ...f, bytes: served.get('/kbis-ancien.pdf')! } : f));
    served.set('/dossier.zip', await zip(Object.fromEntries(withOldKbis.map((f) => [f.name, f.bytes]))));
    const scan = await pdf([], { signatureImage: true });
    const mixed = files.filter((f) => f.name !== 'DC1.pdf' && f.name !== 'memoire.pdf');
    served.set('/melange.zip', await zip({ ...Object.fromEntries(mixed.map((f) => [f.name, f.bytes])), 'scan0001.pdf': scan, 'BPU signé.pdf': scan }));
    server = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      if (!body) {
        res.statusCode = 401;
        return void res.end();
      }
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    policy = { allowLoopback: false, exemptEndpoints: [{ address: '127.0.0.1', port }] };
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('asks stage, deadline and nature, then checks an uploaded ZIP and reports by severity', async () => {
    const stats = new MemoryStats();
    await transcript(testBot(services(undefined, stats)), [
      ['je veux vérifier mon dossier', /Où en êtes-vous[\s\S]*Je prépare mon dépôt \| Je suis retenu/],
      ['euh', /Je n'ai pas compris/],
      ['je prépare mon dépot', /date limite de remise/],
      ['vendredi 4 décembre 2026 à 12h', /C'est noté : date limite le 04\/12\/2026 à 12h00/, /travaux, de fournitures ou de services/],
      ['des travaux', /Déposez maintenant vos fichiers/],
      [
        { type: 'message', attachments: [{ contentType: 'application/zip', name: 'dossier.zip', contentUrl: `${base}/dossier.zip` }] },
        /J'ai bien reçu « dossier\.zip »/,
        /Je vérifie « dossier\.zip »/,
        /Je vérifie « Kbis BATI-GARD\.pdf »/,
        ...Array(7).fill(/Je vérifie/),
        /Pièces reconnues :\n\n- Kbis BATI-GARD\.pdf : Extrait Kbis\n/,
        /Résultat de la vérification des 8 pièces : 0 point bloquant, 0 point à corriger, 3 conseils[\s\S]*Conseil \(3\)[\s\S]*Kbis BATI-GARD\.pdf[\s\S]*03\/03\/2026[\s\S]*Que faire :[\s\S]*Pourquoi :[\s\S]*mémoire technique/,
        /Corrigez les points signalés/,
        /Que souhaitez-vous faire maintenant/,
      ],
    ]);
    expect(stats.records).toHaveLength(1);
    expect(JSON.stringify(stats.records[0])).not.toMatch(/BATI|dossier\.zip|Kbis BATI/);
    expect(stats.records[0]!.documentTypes).toContain('KBIS');
  });

  it('warns about a deadline already past and asks again when the SME says it was wrong', async () => {
    await transcript(testBot(services()), [
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['je prépare mon dépôt', /date limite de remise/],
      ['le 12/11/2026 à 12h', /^La date limite du 12\/11\/2026 à 12h00 est déjà passée : [\s\S]*Voulez-vous continuer quand même \?\nOui, continuer \| Non, corriger la date$/],
      ['peut-être', /Répondez « oui » pour continuer avec cette date, ou « non » pour la corriger/],
      ['Non, corriger la date', /^D'accord\. Quelle est la bonne date limite/],
      ['15/12/2026 à 17h30', /C'est noté : date limite le 15\/12\/2026 à 17h30/, /travaux, de fournitures ou de services/],
    ]);
  });

  it('keeps a past deadline the SME confirms, and does not question a future one or "je ne sais pas"', async () => {
    await transcript(testBot(services()), [
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['dépôt', /date limite/],
      ['30 novembre 2026 à 16h', /déjà passée/],
      ['oui', /C'est noté : date limite le 30\/11\/2026 à 16h00/, /travaux, de fournitures/],
      ['annuler', /C'est annulé/],
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['dépôt', /date limite/],
      // Earlier the same day (frozen at 10:00 in Paris) is already past; later that day is not.
      ['01/12/2026 à 9h', /La date limite du 01\/12\/2026 à 09h00 est déjà passée/],
      ['non', /bonne date limite/],
      ['01/12/2026 à 18h', /C'est noté : date limite le 01\/12\/2026 à 18h00/, /travaux/],
      ['recommencer', /On reprend/, /Bienvenue/],
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['dépôt', /date limite/],
      ['je ne sais pas', /travaux, de fournitures/],
    ]);
  });

  it('writes every reply the French way: non-breaking spaces, real plurals, no code, no nested parentheses', async () => {
    const adapter = testBot(services());
    const said: string[] = [];
    const turns = ['vérifier mon dossier', 'je prépare mon dépôt', 'le 20/11/2026', 'non', 'le 4/12/2026 à 12h', 'travaux', 'merci', { type: 'message', attachments: [{ contentType: 'application/zip', name: 'mélange.zip', contentUrl: `${base}/melange.zip` }] }, 'annuler', 'au revoir'];
    for (const turn of turns) {
      await adapter.receiveActivity(typeof turn === 'string' ? { type: 'message', text: turn } : turn);
      said.push(...adapter.activeQueue.splice(0).filter((activity) => activity.type === 'message').map(rawText));
    }
    const all = said.join('\n');
    // The conversation went through the report, a guessed label and the unread-file note.
    expect(all).toMatch(/probablement Bordereau des prix unitaires, d'après le nom du fichier/);
    expect(all).toMatch(/Cette pièce est peut-être dans «\u202fscan0001\.pdf\u202f», un fichier que je n'ai pas pu lire\u00a0: vérifiez-le\./);
    expect(all).toMatch(/Voulez-vous continuer quand même\u202f\?/);
    for (const reply of said) {
      expect({ reply, ordinarySpaceBeforeSign: / [:;?!»]|« /.test(reply.replace(/https?:\/\/\S+/g, '')) }).toEqual({ reply, ordinarySpaceBeforeSign: false });
      expect(reply).not.toMatch(/\w\(s\)|UNKNOWN|\{\w+|\([^()]*\(/);
    }
  });

  it('reuses the previous answers when corrected files are sent, until "recommencer"', async () => {
    const upload = { type: 'message', attachments: [{ contentType: 'application/pdf', name: 'kbis.pdf', contentUrl: `${base}/kbis-ancien.pdf` }] };
    const reportReplies = [/J'ai bien reçu/, /Je vérifie/, /Pièces reconnues/, /Résultat/, /Corrigez/, /maintenant/];
    await transcript(testBot(services()), [
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['dépôt', /date limite/],
      ['15/12/2026 à 12h', /C'est noté/, /travaux, de fournitures/],
      ['services', /Déposez maintenant/],
      [upload, ...reportReplies],
      [upload, /Je reprends vos réponses de la vérification précédente \(dépôt, date limite le 15\/12\/2026, services\)/, ...reportReplies],
      ['recommencer', /On reprend depuis le début/, /Bienvenue/],
      [upload, /J'ai bien reçu/, /Je vérifie/, /Pièces reconnues/, /Sans date limite/, /Résultat/, /Corrigez/, /maintenant/],
    ]);
  });

  it('checks a dossier sent one piece at a time as a whole', async () => {
    served.set('/dc1.pdf', await pdf(LINES.dc1(true, '2')));
    const send = (name: string, url: string) => ({ type: 'message', attachments: [{ contentType: 'application/pdf', name, contentUrl: `${base}${url}` }] });
    await transcript(testBot(services()), [
      [send('kbis.pdf', '/kbis-ancien.pdf'), /reçu « kbis\.pdf »/, /Je vérifie/, /Pièces reconnues :\n\n- kbis\.pdf/, /Sans date limite/, /Résultat de la vérification de 1 pièce :/, /Corrigez/, /maintenant/],
      [
        send('dc1.pdf', '/dc1.pdf'),
        /reçu « dc1\.pdf »/,
        /avec la pièce reçue tout à l'heure : « kbis\.pdf »\./,
        /Je vérifie « kbis\.pdf »/,
        /Je vérifie « dc1\.pdf »/,
        /Pièces reconnues :\n\n- kbis\.pdf : Extrait Kbis\n- dc1\.pdf : Lettre de candidature \(DC1\)$/,
        /Sans date limite/,
        /Résultat de la vérification des 2 pièces/,
        /Corrigez/,
        /maintenant/,
      ],
    ]);
  });

  it('says so when the server is holding too many dossiers to keep this one for a later message', async () => {
    const crowded = { ...services(), dossiers: new DossierSessions(60_000, 1024) };
    const send = (name: string, url: string) => ({ type: 'message', attachments: [{ contentType: 'application/pdf', name, contentUrl: `${base}${url}` }] });
    await transcript(testBot(crowded), [
      [send('kbis.pdf', '/kbis-ancien.pdf'), /reçu « kbis\.pdf »/, /je ne pourrai pas les conserver pour votre prochain envoi/, /Je vérifie/, /Pièces reconnues :\n\n- kbis\.pdf/, /Sans date limite/, /Résultat de la vérification de 1 pièce :/, /Corrigez/, /maintenant/],
      [send('dc1.pdf', '/kbis-ancien.pdf'), /reçu « dc1\.pdf »/, /je ne pourrai pas les conserver/, /Je vérifie « dc1\.pdf »/, /Pièces reconnues :\n\n- dc1\.pdf/, /Sans date limite/, /Résultat de la vérification de 1 pièce :/, /Corrigez/, /maintenant/],
    ]);
  });

  it('checks files sent straight away with defaults, and says what it assumed', async () => {
    await transcript(testBot(services()), [
      [
        { type: 'message', attachments: [{ contentType: 'application/pdf', name: 'kbis.pdf', contentUrl: `${base}/kbis-ancien.pdf` }] },
        /J'ai bien reçu « kbis\.pdf »/,
        /Je vérifie « kbis\.pdf »/,
        /Pièces reconnues :\n\n- kbis\.pdf : Extrait Kbis$/,
        /Sans date limite/,
        /Résultat de la vérification[\s\S]*Kbis[\s\S]*03\/03\/2026[\s\S]*Que faire/,
        /Corrigez/,
        /maintenant/,
      ],
    ]);
  });

  it('does not lose files sent while a question is pending', async () => {
    await transcript(testBot(services()), [
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['je prépare mon dépôt', /date limite/],
      [
        { type: 'message', attachments: [{ contentType: 'application/pdf', name: 'kbis.pdf', contentUrl: `${base}/kbis-ancien.pdf` }] },
        /J'ai bien reçu « kbis\.pdf »/,
        /Je vérifie/,
        /Pièces reconnues/,
        /Sans date limite/,
        /Résultat/,
        /Corrigez/,
        /maintenant/,
      ],
    ]);
  });

  it('reads a Teams file through its downloadUrl, ignoring the html body attachment', async () => {
    await transcript(testBot(services()), [
      [
        {
          type: 'message',
          channelId: 'msteams',
          attachments: [
            { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'Devis lot 2.pdf', contentUrl: `${base}/forbidden`, content: { downloadUrl: `${base}/teams/devis.pdf`, fileType: 'pdf', uniqueId: 'x' } },
            { contentType: 'text/html', content: '<p>voici</p>' },
          ],
        },
        /J'ai bien reçu « Devis lot 2\.pdf » \(2,9 Ko\)/,
        /Je vérifie/,
        /Pièces reconnues/,
        /Sans date limite/,
        /Résultat/,
        /Corrigez/,
        /maintenant/,
      ],
    ]);
  });

  it('refuses too large, empty and unreachable files in French and keeps waiting', async () => {
    await transcript(testBot(services(1024 * 1024)), [
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['je suis retenu', /travaux, de fournitures ou de services/],
      ['je ne sais pas', /jusqu'à 1 Mo/],
      [
        {
          type: 'message',
          attachments: [
            { contentType: 'application/pdf', name: 'scan.pdf', contentUrl: `${base}/big.pdf` },
            { contentType: 'application/pdf', name: 'vide.pdf', contentUrl: `${base}/empty.pdf` },
            { contentType: 'application/pdf', name: 'perdu.pdf', contentUrl: `${base}/gone.pdf` },
          ],
        },
        /« scan\.pdf » dépasse la limite de 1 Mo/,
        /« vide\.pdf » est vide/,
        /pas pu récupérer le fichier « perdu\.pdf »/,
      ],
      ['et maintenant ?', /J'attends vos fichiers/],
    ]);
  });
});
