import type { DocumentType } from '../types';
import { hasBoxGlyphs, negatedAfter, negatedBefore, readAnswer, readAt, readOption, readOptions, type OptionState } from './formOptions';

/**
 * What a document declares about variantes, sub-contracting, a groupement and lots. Forms print
 * every option, so only ticked (or filled) options count there; running text counts when it states
 * the thing plainly; anything else is UNDECIDABLE, which the rules turn into advice at most.
 */
export type Declaration = 'DECLARED' | 'NOT_DECLARED' | 'UNDECIDABLE';

/** The forms whose template text lists options (their free text is template, not a declaration). */
export const FORM_TYPES: readonly string[] = ['DC1', 'DC2', 'DC4', 'ATTRI1', 'DUME'];

const fromOption = (state: OptionState): Declaration => (state === 'TICKED' ? 'DECLARED' : state === 'UNDECIDABLE' ? 'UNDECIDABLE' : 'NOT_DECLARED');

/** DECLARED beats UNDECIDABLE beats NOT_DECLARED; undefined when nothing was said. */
export function combine(declarations: (Declaration | undefined)[]): Declaration | undefined {
  for (const value of ['DECLARED', 'UNDECIDABLE', 'NOT_DECLARED'] as const) if (declarations.includes(value)) return value;
  return undefined;
}

/** Mentions in running text: a glyph or a negation decides, then a plain statement, else undecidable. */
function readMentions(light: string, mention: RegExp, statement: RegExp): Declaration | undefined {
  const readings = [...light.matchAll(new RegExp(mention.source, 'g'))].map((match): Declaration => {
    const reading = readAt(light, match.index, match[0].length);
    if (reading.state !== 'UNDECIDABLE') return fromOption(reading.state);
    const sentence = light.slice(Math.max(0, match.index - 80), match.index + match[0].length + 80);
    return statement.test(sentence) ? 'DECLARED' : 'UNDECIDABLE';
  });
  return combine(readings);
}

/** Yes/no answers printed after a label ("Variante : ☐ Oui ☒ Non", "Sous-traitance : Non"). */
function answersAfter(light: string, label: RegExp): Declaration | undefined {
  const answers = [...light.matchAll(new RegExp(label.source, 'g'))].map((match) => readAnswer(light.slice(match.index), label, { alreadyFolded: true }));
  return combine(answers.map((answer) => (answer === 'OUI' ? 'DECLARED' : answer === 'NON' ? 'NOT_DECLARED' : undefined)));
}

const VARIANTE_MENTION = /(?<![a-z])(?:variantes?|solution alternative)(?![a-z])/;
const VARIANTE_STATEMENT = /(?:offre|proposition|solution)s?\s+(?:en\s+)?variantes?(?![a-z])|variantes?\s+(?:n\s?°|no|numero)?\s*\d|(?:proposons|propose|presentons|presente|soumettons|remettons|joignons|proposer|presenter)\s+(?:\S+\s+){0,3}variante|en variante|variante proposee|solution alternative\s*:/;
const VARIANTE_OPTION = /a la variante suivante|(?<![a-z])variante(?:s)? proposee/;

/** R44: does the document present a variante? */
export function readVariante(type: DocumentType, light: string): Declaration | undefined {
  if (['DC1', 'DC2', 'DUME'].includes(type)) return undefined;
  const answered = answersAfter(light, /(?<![a-z])(?:offre )?variantes?(?: proposees?| presentees?)?\s*:/);
  if (answered) return answered;
  if (FORM_TYPES.includes(type)) {
    const option = readOption(light, VARIANTE_OPTION, { fieldDecides: true, alreadyFolded: true });
    const base = readOption(light, /a l'offre de base/, { alreadyFolded: true });
    // With drawn boxes, a ticked "offre de base" alone settles it.
    if (option === 'UNDECIDABLE' && base === 'TICKED') return 'NOT_DECLARED';
    if (option) return fromOption(option);
    const statement = new RegExp(VARIANTE_STATEMENT.source).exec(light);
    return statement && !negatedBefore(light, statement.index) && !negatedAfter(light, statement.index, statement[0].length) ? 'DECLARED' : undefined;
  }
  if (/offre de base uniquement|uniquement (?:l'|une |sur l')offre de base/.test(light) && !/en variante|offre variante/.test(light)) return 'NOT_DECLARED';
  return readMentions(light, VARIANTE_MENTION, VARIANTE_STATEMENT);
}

const SUB_MENTION = /(?<![a-z])sous[ -]?trait(?:ance|ant|ants|ante|antes|e|es|ee|ees|er|era|eront|erons|ons)(?![a-z])/;
const SUB_STATEMENT = /(?:sera|seront|est|sont)\s+(?:\S+\s+){0,2}sous[ -]?traitee?s?(?![a-z])|(?:confiee?s?|realisee?s?|executee?s?)\s+(?:\S+\s+){0,2}(?:en sous[ -]?traitance|par (?:un|des|notre|nos|le|la) sous[ -]?traitants?)|sous[ -]?traiterons|sous[ -]?traitons|sous[ -]?traitants?\s*(?:retenus?|proposes?|pressentis?)?\s*:\s*[a-z0-9]|(?:notre|nos|un|des) sous[ -]?traitants?\s+(?:\S+\s+){0,3}(?:realisera|interviendra|assurera|executera|sera charge)|recours a (?:la sous[ -]?traitance|un sous[ -]?traitant|des sous[ -]?traitants)|(?:appel|fera appel) a (?:un|des) sous[ -]?traitants?|avec sous[ -]?traitance/;
const SUB_OPTION = /avec (?:recours a la )?sous[ -]?traitance|sous[ -]?traitance envisagee/;
const DUME_SUB_QUESTION = /sous[ -]?traiter une (?:part|partie) du marche(?: a des tiers)?\s*\??/;

/** R23: does the document declare sub-contracting? */
export function readSubcontracting(type: DocumentType, light: string): Declaration | undefined {
  if (type === 'DUME') {
    const answer = readAnswer(light, DUME_SUB_QUESTION, { alreadyFolded: true });
    return answer === 'OUI' ? 'DECLARED' : answer === 'NON' ? 'NOT_DECLARED' : answer && 'UNDECIDABLE';
  }
  const answered = answersAfter(light, /(?<![a-z])(?:recours a la )?sous[ -]?traitance(?: envisagee| prevue)?\s*:/);
  if (answered) return answered;
  if (FORM_TYPES.includes(type)) {
    const option = readOption(light, SUB_OPTION, { alreadyFolded: true });
    if (option) return fromOption(option);
    // The forms' own notes mention sous-traitants (ATTRI1 nantissement, DC2 H): only a plain
    // statement written into the form counts.
    const statement = new RegExp(SUB_STATEMENT.source).exec(light);
    return statement && !negatedBefore(light, statement.index) && !negatedAfter(light, statement.index, statement[0].length) ? 'DECLARED' : undefined;
  }
  return readMentions(light, SUB_MENTION, SUB_STATEMENT);
}

export interface GroupementReading {
  declared: Declaration;
  /** conjoint or solidaire chosen (DECLARED), neither (NOT_DECLARED), or unreadable. */
  typed: Declaration;
}

/** R18: the DC1's rubric D, or the DUME's "conjointement avec d'autres opérateurs" answer. */
export function readGroupement(type: DocumentType, light: string): GroupementReading | undefined {
  if (type === 'DUME') {
    const answer = readAnswer(light, /conjointement avec d'autres operateurs economiques\s*\??/, { alreadyFolded: true });
    if (!answer) return undefined;
    return { declared: answer === 'OUI' ? 'DECLARED' : answer === 'NON' ? 'NOT_DECLARED' : 'UNDECIDABLE', typed: 'UNDECIDABLE' };
  }
  if (type !== 'DC1') return undefined;
  const group = readOption(light, /(?:le )?candidat est un groupement(?: d'entreprises| d'operateurs economiques)?/, { alreadyFolded: true });
  const alone = readOption(light, /(?:le )?candidat se presente seul/, { alreadyFolded: true });
  if (!group) return undefined;
  const declared: Declaration = group === 'TICKED' ? 'DECLARED' : group === 'UNDECIDABLE' && alone !== 'TICKED' ? 'UNDECIDABLE' : 'NOT_DECLARED';
  return { declared, typed: readGroupementType(light) };
}

function readGroupementType(light: string): Declaration {
  // The option line "☐ conjoint OU ☐ solidaire", not the note "En cas de groupement conjoint, le mandataire est solidaire".
  const line = light.split('\n').find((text) => /(?<![a-z])conjoint\W{1,12}(?:ou\W{1,12})?(?:\S{1,3}\s*)?solidaire/.test(text) && !/en cas de groupement/.test(text));
  if (line) {
    const states = (['conjoint', 'solidaire'] as const).map((word) => readOptions(line, new RegExp(`(?<![a-z])${word}(?![a-z])`), { alreadyFolded: true })[0]?.state);
    if (states.includes('TICKED')) return 'DECLARED';
    return states.every((state) => state === 'UNTICKED') ? 'NOT_DECLARED' : 'UNDECIDABLE';
  }
  if (/(?<!en cas de )groupement (?:momentane d'entreprises )?(?:conjoint|solidaire)(?![a-z])/.test(light)) return 'DECLARED';
  // Boxes in the text but no type line at all: the type was not given.
  return hasBoxGlyphs(light) ? 'NOT_DECLARED' : 'UNDECIDABLE';
}

export interface LotReading {
  lots: number[];
  /** DECIDED: read from a ticked or filled option; ALL: "tous les lots" ticked. */
  decision: 'DECIDED' | 'ALL' | 'UNDECIDABLE';
}

const LOT_NUMBER = /(?<![a-z])lots?\s*(?:n\s?°?\s*|no\.?\s*|numero\s*)?(\d{1,2})(?!\d)/g;
const numbersIn = (text: string): number[] => [...new Set([...text.matchAll(LOT_NUMBER)].map((m) => Number(m[1])))].filter((lot) => lot > 0).sort((a, b) => a - b);

/**
 * R17: the lots a form applies to, from its "pour le lot n° … ou les lots n° …" (DC1) or "au lot
 * n° …" (ATTRI1) option. The lots of the consultation listed elsewhere in a form are not its lots.
 */
export function readLots(type: DocumentType, light: string): LotReading | undefined {
  if (!['DC1', 'ATTRI1'].includes(type)) {
    const lots = numbersIn(light);
    return lots.length > 0 ? { lots, decision: 'DECIDED' } : undefined;
  }
  const all = readOption(light, /pour tous les lots|a tous les lots|l'ensemble des lots/, { alreadyFolded: true });
  if (all === 'TICKED') return { lots: [], decision: 'ALL' };
  const optionLines = light.split('\n').filter((line) => /(?:pour|au|aux) (?:le |les )?lots?\s*(?:n\s?°|no|numero)|candidature est presentee pour (?:le|les) lots?/.test(line));
  const readings = optionLines.map((line) => {
    const match = /(?:pour|au|aux) (?:le |les )?lots?|candidature est presentee/.exec(line)!;
    const state = readAt(line, match.index, match[0].length).state;
    return { state, lots: numbersIn(line) };
  });
  // Without a box, lot numbers written into the field are the candidate's own.
  const chosen = readings.filter((reading) => reading.lots.length > 0 && (reading.state === 'TICKED' || reading.state === 'UNDECIDABLE'));
  if (readings.some((reading) => reading.state === 'UNTICKED' && reading.lots.length > 0)) return { lots: numbersIn(optionLines.join('\n')), decision: 'UNDECIDABLE' };
  if (chosen.length > 0) return { lots: [...new Set(chosen.flatMap((reading) => reading.lots))].sort((a, b) => a - b), decision: 'DECIDED' };
  if (readings.some((reading) => reading.state === 'TICKED')) return undefined;
  if (type === 'ATTRI1') {
    // A buyer's own acte d'engagement may just name its lot ("Lot n° 2 : menuiseries").
    const lots = numbersIn(light);
    if (lots.length === 0) return undefined;
    return { lots, decision: lots.length <= 2 ? 'DECIDED' : 'UNDECIDABLE' };
  }
  return undefined;
}
