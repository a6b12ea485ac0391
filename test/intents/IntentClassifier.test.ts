import { IntentClassifier } from '../../src/intents/IntentClassifier';
import { loadKnowledge } from '../../src/loadKnowledge';
import { KNOWLEDGE_DIR } from '../support/services';

const classifier = new IntentClassifier(loadKnowledge(KNOWLEDGE_DIR).intents);

// Sentences written for this test, not copied from the training data: phone typing, no accents,
// abbreviations. They check the classifier generalises rather than memorises.
describe('intent classifier', () => {
  it.each([
    ['Bonjour !', 'GREETING'],
    ['slt', 'GREETING'],
    ['pouvez vous controler mes pieces avant que je depose', 'CHECK_DOSSIER'],
    ['mon dossier est il complet ?', 'CHECK_DOSSIER'],
    ['verifer mon dosier', 'CHECK_DOSSIER'],
    ['des appels d offres en maconnerie ?', 'FIND_TENDERS'],
    ['je cherche des marches publics a Ales', 'FIND_TENDERS'],
    ['c koi un dume', 'ASK_QUESTION'],
    ['comment on remplit le dc1', 'ASK_QUESTION'],
    ['je voudrais un rdv avec un conseiller cci', 'CONTACT_CLUB'],
    ['mercii', 'THANKS'],
  ])('"%s" means %s', (text, intent) => {
    expect(classifier.classify(text).intent).toBe(intent);
  });

  it.each(['quelle est la recette de la paella', 'il fait beau aujourd hui', 'asdfgh', '12345', ''])('"%s" is not understood rather than guessed', (text) => {
    expect(classifier.classify(text).intent).toBeNull();
  });

  it.each([
    ['aide', 'help'],
    ['AIDE', 'help'],
    ['?', 'help'],
    ['annuler svp', 'cancel'],
    ['anuler', 'cancel'],
    ['Recommencer', 'restart'],
    ['recomencer', 'restart'],
  ])('"%s" is the command %s', (text, command) => {
    expect(classifier.command(text)).toBe(command);
  });

  it('does not take a sentence that merely contains a command word for the command', () => {
    expect(classifier.command("j'ai besoin d'aide pour le dc2")).toBeNull();
    expect(classifier.command('comment annuler une offre déposée')).toBeNull();
  });
});
