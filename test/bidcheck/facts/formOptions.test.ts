import { readAnswer, readOption } from '../../../src/bidcheck/facts/formOptions';

// Wording of the DAJ forms as published (DC1 2019 rubrics C and D, ATTRI1 rubric A, DC4 rubric E)
// and of the DUME (règlement d'exécution (UE) 2016/7, partie II).
const DC1_C = (boxes: [string, string, string]) =>
  [
    'C - Objet de la candidature.',
    '(Cocher la case correspondante.)',
    'La candidature est présentée :',
    `${boxes[0]} pour le marché public (en cas de non allotissement) ;`,
    `${boxes[1]} pour tous les lots de la procédure de passation du marché public ;`,
    `${boxes[2]} pour le lot n° … ou les lots n° … de la procédure de passation du marché public (en cas d’allotissement ; si les lots n’ont pas été numérotés, indiquer ci-dessous l’intitulé du ou des lots).`,
  ].join('\n');

const ATTRI1_A = (base: string, variante: string, field = '') =>
  ['■ Cet acte d’engagement correspond :', '2. (Cocher la case correspondante.)', `${base} à l’offre de base ;`, `${variante} à la variante suivante : ${field}`, '3. (Cocher la case correspondante.)', '☐ avec les prestations supplémentaires suivantes :'].join('\n');

describe('reading a form option', () => {
  it('reads the box before the label, in every glyph forms use', () => {
    for (const ticked of ['☒', '☑', '■', '[X]', '[x]', '(x)', 'X', '✓']) expect(readOption(DC1_C(['☐', ticked, '☐']), /pour tous les lots/)).toBe('TICKED');
    for (const empty of ['☐', '□', '[ ]', '( )']) expect(readOption(DC1_C(['☒', empty, '☐']), /pour tous les lots/)).toBe('UNTICKED');
  });

  it('takes a form with every option printed and none ticked for what it is', () => {
    const text = DC1_C(['☐', '☐', '☐']);
    expect(readOption(text, /pour le marche public/)).toBe('UNTICKED');
    expect(readOption(text, /pour tous les lots/)).toBe('UNTICKED');
    expect(readOption(text, /pour le lot n/)).toBe('UNTICKED');
  });

  it('cannot tell a drawn box (no glyph in the text) and says so', () => {
    expect(readOption(DC1_C(['', '', '']), /pour tous les lots/)).toBe('UNDECIDABLE');
  });

  it('reads boxes printed after their labels ("conjoint ☐ solidaire ☒")', () => {
    const line = 'Le groupement est : conjoint ☐ solidaire ☒';
    expect(readOption(line, /(?<![a-z])solidaire/)).toBe('TICKED');
    expect(readOption(line, /(?<![a-z])conjoint/)).toBe('UNTICKED');
    const before = '☐ conjoint OU ☒ solidaire';
    expect(readOption(before, /(?<![a-z])conjoint/)).toBe('UNTICKED');
    expect(readOption(before, /(?<![a-z])solidaire/)).toBe('TICKED');
  });

  it('lets a filled field decide when the boxes are drawn, and a blank one say "not this option"', () => {
    expect(readOption(ATTRI1_A('', '', '…………………………'), /a la variante suivante/, { fieldDecides: true })).toBe('UNTICKED');
    expect(readOption(ATTRI1_A('', '', ''), /a la variante suivante/, { fieldDecides: true })).toBe('UNTICKED');
    expect(readOption(ATTRI1_A('', '', 'enduit à la chaux en lieu et place du RPE'), /a la variante suivante/, { fieldDecides: true })).toBe('TICKED');
    // A ticked box wins over a blank field, an empty box over a filled one.
    expect(readOption(ATTRI1_A('☐', '☒', ''), /a la variante suivante/, { fieldDecides: true })).toBe('TICKED');
    expect(readOption(ATTRI1_A('☒', '☐', 'sans objet'), /a la variante suivante/, { fieldDecides: true })).toBe('UNTICKED');
  });

  it('does not take "■" bullets of the ATTRI1 for ticked options of another line', () => {
    expect(readOption(ATTRI1_A('☒', '☐'), /a l'offre de base/)).toBe('TICKED');
    expect(readOption(ATTRI1_A('☒', '☐'), /a la variante suivante/)).toBe('UNTICKED');
  });

  it('reads negations of running text', () => {
    expect(readOption('Nous remettons une offre sans variante.', /variante/)).toBe('NEGATED');
    expect(readOption("L'entreprise n'envisage pas de recourir à la sous-traitance.", /sous-traitance/)).toBe('NEGATED');
    expect(readOption('Les variantes ne sont pas autorisées.', /variantes/)).toBe('NEGATED');
    expect(readOption('Sous-traitance : néant', /sous-traitance/)).toBe('NEGATED');
    expect(readOption('Nous proposons une variante.', /variante/)).toBe('UNDECIDABLE');
  });
});

describe('reading a yes/no answer', () => {
  const DUME = (answer: string) => `Sous-traitance : L’opérateur économique a-t-il l’intention de sous-traiter une part du marché à des tiers ?\n${answer}\nDans l’affirmative et dans la mesure où ces informations sont disponibles, énumérer les sous-traitants proposés :`;
  const question = /sous-traiter une part du marche a des tiers\s*\??/;

  it.each([
    ['Réponse : Non', 'NON'],
    ['Votre réponse : Oui', 'OUI'],
    ['Non', 'NON'],
    ['[ ] Oui [X] Non', 'NON'],
    ['☒ Oui ☐ Non', 'OUI'],
    ['Oui ☐ Non ☒', 'NON'],
    ['Oui ☒ Non ☐', 'OUI'],
    ['☐ Oui ☐ Non', 'UNDECIDABLE'],
    ['Oui Non', 'UNDECIDABLE'],
    ['Oui ☒ Non', 'UNDECIDABLE'],
  ])('%s → %s', (answer, expected) => {
    expect(readAnswer(DUME(answer), question)).toBe(expected);
  });

  it('answers nothing when the question is not there', () => {
    expect(readAnswer('Partie III : Motifs d’exclusion', question)).toBeUndefined();
  });

  it('reads the DC4 "Le sous-traitant est-il une PME" pair without mixing its boxes', () => {
    const dc4 = 'Le sous-traitant est-il une micro, une petite ou une moyenne entreprise au sens de la recommandation de la Commission du 6 mai 2003 ? ☐ Oui ☒ Non';
    expect(readAnswer(dc4, /moyenne entreprise au sens de la recommandation de la commission du 6 mai 2003\s*\??/)).toBe('NON');
  });
});
