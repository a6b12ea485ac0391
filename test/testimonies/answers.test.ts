import { Messages } from '../../src/knowledge/Messages';
import { loadKnowledge } from '../../src/loadKnowledge';
import { loadCpvCatalogue } from '../../src/tenders/match';
import { isSkip, readSizeBand, readYesNo, sizeBandLabels, tradeOf } from '../../src/testimonies';
import { KNOWLEDGE_DIR } from '../support/services';

const labels = sizeBandLabels(new Messages(loadKnowledge(KNOWLEDGE_DIR).messages));
const cpv = loadCpvCatalogue(KNOWLEDGE_DIR);
const isTradeWord = (word: string) => cpv.suggest(word, 1).length > 0;
const consentButtons = { yes: 'Oui', no: 'Non' };

describe('reading the answers of the Témoigner goal', () => {
  it.each([
    ['oui', true],
    ['Oui !', true],
    ["d'accord", true],
    ['ok', true],
    ["j'accepte", true],
    ['Non', false],
    ['non merci', false],
    ["je ne suis pas d'accord", false],
    ['pas maintenant', false],
    ['je refuse', false],
    ["c'est quoi le DUME ?", undefined],
    ['peut-être', undefined],
  ])('« %s » is consent %s', (text, expected) => {
    expect(readYesNo(text, consentButtons)).toBe(expected);
  });

  it('reads the confirmation buttons by their words', () => {
    const buttons = { yes: "Oui, l'enregistrer", no: 'Non, ne rien garder' };
    expect(readYesNo("Oui, l'enregistrer", buttons)).toBe(true);
    expect(readYesNo('Non, ne rien garder', buttons)).toBe(false);
    expect(readYesNo('ne le gardez pas', buttons)).toBe(false);
  });

  it.each([
    ['0 salarié', '0'],
    ['je suis seul', '0'],
    ['aucun', '0'],
    ['auto-entrepreneur', '0'],
    ['6', '1-9'],
    ['6 salariés', '1-9'],
    ['1 à 9 salariés', '1-9'],
    ['moins de 10', '1-9'],
    ['une vingtaine', '10-49'],
    ['on est 12', '10-49'],
    ['nous avons 120 compagnons sur les chantiers', '50-249'],
    ['300 salariés', undefined],
    ['je veux contacter un acheteur du club', undefined],
    ["je ne suis pas seul dans l'entreprise, on est nombreux", undefined],
  ])('« %s » is the size band %s', (text, band) => {
    expect(readSizeBand(text, labels)).toBe(band);
  });

  it('knows when the SME passes', () => {
    expect(isSkip('Passer', 'Passer')).toBe(true);
    expect(isSkip('Je préfère ne pas le dire', 'Je préfère ne pas le dire')).toBe(true);
    expect(isSkip('je prefere pas le dire', 'Passer')).toBe(true);
    expect(isSkip('plombier', 'Passer')).toBe(false);
  });

  it.each([
    ['plombier', 'plombier'],
    ['Je suis plombier à Alès', 'plombier'],
    ['Martin Plomberie SARL', 'plomberie'],
    ['plombier chez Dupont', 'plombier'],
    ["bureau d'études", "bureau d'études"],
    ['agent de sécurité', 'agent de sécurité'],
    ['Jean Dupont', undefined],
    ['graphiste', undefined],
    ["c'est quoi le DUME ?", undefined],
  ])('« %s » is the trade %s', (text, trade) => {
    expect(tradeOf(text, isTradeWord)).toBe(trade);
  });
});
