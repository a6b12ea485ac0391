import { transcript } from '../support/transcript';
import { testBot } from '../support/services';
import { freezeDate } from '../support/clock';

describe('root dialog', () => {
  // The transcripts name deadlines in December 2026: they are read as of 1 December 2026.
  beforeAll(() => freezeDate('2026-12-01T10:00:00+01:00'));
  afterAll(() => jest.useRealTimers());
  it('welcomes a user who says hello with the four goals', async () => {
    await transcript(testBot(), [
      ['bonjour', /Bienvenue sur l'assistant HA30[\s\S]*Vérifier mon dossier de candidature[\s\S]*Trouver des marchés pour mon entreprise[\s\S]*Poser une question[\s\S]*Contacter le club HA30 \/ la CCI/],
    ]);
  });

  it('does not show the whole welcome card again to a user who says hello a second time', async () => {
    await transcript(testBot(), [
      ['bonjour', /Bienvenue sur l'assistant HA30/],
      ['salut', /^Bonjour ! Que souhaitez-vous faire \?[^\n]*\nVérifier mon dossier \| Trouver des marchés \| Poser une question/],
    ]);
  });

  it('routes free text, typos included, to the goal it means', async () => {
    await transcript(testBot(), [
      ['je voudrais verifer mon dosier svp', /Où en êtes-vous/],
      ['annuler', /C'est annulé/],
      ['y a des appels d offres en plomberie dans le gard ?', /D'après votre activité « plomberie »[\s\S]*45330000 : Travaux de plomberie/],
      ['annuler', /C'est annulé/],
      ['c koi le dume', /^Le DUME[\s\S]*Cette réponse vous a aidé/, /Une autre question/],
      ['decenale a fournir qd', /décennale[\s\S]*Cette réponse vous a aidé/i, /Une autre question/],
      ['Poser une question', /^Quelle est votre question/],
      ['annuler', /C'est annulé/],
      ['je veux parler à un conseiller de la cci', /CCI Gard[\s\S]*gard\.cci\.fr/, /Que souhaitez-vous faire maintenant/],
    ]);
  });

  it('starts the goal chosen on the welcome card', async () => {
    await transcript(testBot(), [
      [{ type: 'message', value: { ha30Goal: 'CONTACT_CLUB' } }, /Médiateur des entreprises/, /Je peux vous orienter[\s\S]*Prochains événements \| Un retard de paiement/, /maintenant/],
      [{ type: 'message', value: { ha30Goal: 'CHECK_DOSSIER' } }, /Où en êtes-vous/],
    ]);
  });

  it('keeps waiting for files and says how to get out', async () => {
    await transcript(testBot(), [
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['je prépare mon dépôt', /date limite de remise/],
      ['le 12/12/2026 à 12h', /date limite le 12\/12\/2026/, /travaux, de fournitures ou de services/],
      ['travaux', /Déposez maintenant vos fichiers[\s\S]*50 Mo/],
      ['euh je sais pas', /J'attends vos fichiers[\s\S]*annuler/],
      ['aide', /vérifier votre dossier[\s\S]*« annuler »/],
      ['toujours là ?', /J'attends vos fichiers/],
    ]);
  });

  it('answers help, cancel and restart at any point', async () => {
    await transcript(testBot(), [
      ['Aide !', /« annuler »[\s\S]*« recommencer »/],
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['recomencer', /On reprend depuis le début/, /Bienvenue/],
      ['annuler', /Il n'y a rien en cours|C'est annulé/],
    ]);
  });

  it('offers the goals again after "annuler"', async () => {
    await transcript(testBot(), [
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['annuler', /^C'est annulé\. Que souhaitez-vous faire maintenant \?[\s\S]*\nVérifier mon dossier \| Trouver des marchés \| Poser une question \| Contacter le club$/],
      ['Trouver des marchés', /décrivez votre activité en quelques mots/],
    ]);
  });

  it('answers thanks and goodbyes kindly wherever the SME is, then picks up the question under way', async () => {
    await transcript(testBot(), [
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['merci', /^(Avec plaisir|Je vous en prie) !/, /Où en êtes-vous/],
      ['je prépare mon dépôt', /date limite de remise/],
      ['Merci beaucoup !', /^(Avec plaisir|Je vous en prie) !/, /date limite de remise/],
      ['le 12/12/2026 à 12h', /C'est noté/, /travaux, de fournitures ou de services/],
      ['travaux', /Déposez maintenant vos fichiers/],
      ['ok merci', /^(Avec plaisir|Je vous en prie) !/, /J'attends vos fichiers/],
      ['bonne journée', /^Au revoir, et bonne chance pour vos marchés !/],
      ['bonjour', /Bienvenue/],
    ]);
    for (const goodbye of ['au revoir', 'Au revoir !', 'à plus', 'bye', 'merci, au revoir', 'à plus tard']) {
      await transcript(testBot(), [[goodbye, /^Au revoir, et bonne chance pour vos marchés !/]]);
    }
    await transcript(testBot(), [
      ['vérifier mon dossier', /Où en êtes-vous/],
      ['bye', /^Au revoir/],
      // The question was dropped: "dépôt" is a new request now, not an answer.
      ['merci', /^(Avec plaisir|Je vous en prie) ![\s\S]*Vérifier mon dossier \|/],
    ]);
  });

  it('does not take a request that starts with "merci" for a thank-you, nor an answer with a date', async () => {
    await transcript(testBot(), [
      ['merci de vérifier mon dossier', /Où en êtes-vous/],
      ['dépôt', /date limite/],
      ['merci, c\'est le 14/12/2026 à 12h', /C'est noté : date limite le 14\/12\/2026/, /travaux/],
    ]);
  });

  it('never stays silent on input it does not understand', async () => {
    await transcript(testBot(), [
      // Asked, but not something the FAQ knows: said honestly (and passed on to the club).
      ['quelle est la recette de la paella', /^Je ne connais pas encore la réponse/, /Que souhaitez-vous faire maintenant/],
      ['blabla truc', /pas (bien )?compris|pas sûr de comprendre/],
      ['🙂', /pas (bien )?compris|pas sûr de comprendre/],
      ['merci', /^(Avec plaisir|Je vous en prie) ![\s\S]*Vérifier mon dossier \| Trouver des marchés/],
    ]);
  });

  it('greets a Web Chat user who joins, and a Teams user who installs the app', async () => {
    const webChat = testBot();
    await transcript(webChat, [[{ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: '' }] }, /Bienvenue/]]);
    const teams = testBot();
    await transcript(teams, [
      [{ type: 'conversationUpdate', channelId: 'msteams', conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, name: '' }, membersAdded: [{ id: 'bot', name: '' }] }, /Bienvenue/],
    ]);
  });

  it('ignores activity types it does not handle', async () => {
    await transcript(testBot(), [[{ type: 'messageReaction' }], [{ type: 'somethingNew' }]]);
  });
});
