import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp } from '../support/startTestApp';

describe('alerts asked for in the middle of a goal (the real app, local Direct Line)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  }, 60_000);
  afterAll(async () => app.cleanup());

  it('answers « m’alerter » and then resumes the bid check where it was', async () => {
    const chat = await DirectLineClient.start(app.url);
    await chat.botSays(/Bienvenue/);
    await chat.say('vérifier mon dossier');
    await chat.botSays(/Où en êtes-vous/);
    await chat.say('je prépare mon dépôt');
    await chat.botSays(/date limite de remise/);
    await chat.say("m'alerter");
    const said = await chat.botSays(/^Reprenons : quelle est la date limite de remise des offres \?/);
    expect(said.join('\n')).toMatch(/besoin de connaître votre activité[\s\S]*Reprenons : quelle est la date limite/);
    await chat.say('15/12/2030 à 12h');
    await chat.botSays(/C'est noté : date limite le 15\/12\/2030/);
  });
});
