import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { transcript } from '../support/transcript';
import { realServices, testBot } from '../support/services';

describe('check dossier dialog: receiving files from every channel', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/teams/devis.pdf') return void res.end(Buffer.alloc(3000, 1));
      if (req.url === '/big.pdf') return void res.end(Buffer.alloc(2 * 1024 * 1024, 1));
      if (req.url === '/empty.pdf') return void res.end();
      res.statusCode = 401;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reads a Teams file through its downloadUrl, ignoring the html body attachment', async () => {
    await transcript(testBot(), [
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
        /en cours de développement/,
        /Que souhaitez-vous faire maintenant/,
      ],
    ]);
  });

  it('reads an Emulator-style attachment by contentUrl after the user chose the goal', async () => {
    await transcript(testBot(), [
      ['vérifier mon dossier', /Déposez ici vos fichiers/],
      [{ type: 'message', attachments: [{ contentType: 'application/pdf', name: 'kbis.pdf', contentUrl: `${base}/teams/devis.pdf` }] }, /reçu « kbis\.pdf »/, /développement/, /maintenant/],
    ]);
  });

  it('refuses too large, empty and unreachable files in French and keeps waiting', async () => {
    await transcript(testBot(realServices(1024 * 1024)), [
      ['vérifier mon dossier', /jusqu'à 1 Mo/],
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
