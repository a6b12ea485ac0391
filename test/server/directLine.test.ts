import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp } from '../support/startTestApp';

describe('local Direct Line (Web Chat)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ UPLOAD_MAX_MB: '1' });
  });
  afterAll(async () => app.cleanup());

  it('greets as soon as the conversation is created', async () => {
    const chat = await DirectLineClient.start(app.url);
    await chat.botSays(/Bienvenue sur l'assistant HA30/);
  });

  it('acknowledges an uploaded file by name and size', async () => {
    const chat = await DirectLineClient.start(app.url);
    await chat.botSays(/Bienvenue/);
    const response = await chat.upload([{ name: 'Attestation URSSAF été.pdf', bytes: Buffer.alloc(2048, 1) }]);
    expect(response.status).toBe(200);
    const said = await chat.botSays(/Résultat de la vérification|aucun des motifs/);
    expect(said.join('\n')).toMatch(/reçu « Attestation URSSAF été\.pdf » \(2 Ko\)/);
    expect(said.join('\n')).not.toMatch(/vide|dépasse/);
  });

  it('refuses a file above the limit and an empty file in French, storing neither', async () => {
    const chat = await DirectLineClient.start(app.url);
    await chat.botSays(/Bienvenue/);
    await chat.upload([
      { name: 'scan-couleur.pdf', bytes: Buffer.alloc(1024 * 1024 + 10, 7) },
      { name: 'vide.pdf', bytes: Buffer.alloc(0) },
    ]);
    const said = (await chat.botSays(/vide \(0 octet\)/)).join('\n');
    expect(said).toMatch(/« scan-couleur\.pdf » dépasse la limite de 1 Mo : il n'a pas été enregistré/);
    expect(said).not.toMatch(/J'ai bien reçu/);
  });

  it('refuses calls without the conversation token', async () => {
    const chat = await DirectLineClient.start(app.url);
    const response = await fetch(`${app.url}/v3/directline/conversations/${chat.conversationId}/activities?watermark=0`, { headers: { authorization: 'Bearer wrong' } });
    expect(response.status).toBe(401);
  });

  it('does not let a user make the bot fetch an address of their choosing', async () => {
    const chat = await DirectLineClient.start(app.url);
    await chat.botSays(/Bienvenue/);
    const response = await chat.say('', { attachments: [{ contentType: 'application/pdf', contentUrl: 'http://169.254.169.254/latest/meta-data', name: 'piege.pdf' }] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/seuls les fichiers envoyés dans cette conversation/);
  });

  it('answers a typed message', async () => {
    const chat = await DirectLineClient.start(app.url);
    await chat.botSays(/Bienvenue/);
    expect((await chat.say('je veux parler à la CCI')).status).toBe(200);
    await chat.botSays(/gard\.cci\.fr/);
  });
});
