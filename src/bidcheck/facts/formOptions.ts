import { lightFold } from '../textForms';

/**
 * The official forms (DC1, DC2, DC4, ATTRI1) and the DUME print every option with its box; only a
 * ticked one is a declaration. This module reads one option of a form from its extracted text.
 *
 * - TICKED: a ticked box next to the label (☒ ☑ ■ ✓ [X] (x) X), or the option's field filled in.
 * - UNTICKED: an empty box (☐ □ [ ] ( )), or the option's field left as dots or blank.
 * - NEGATED: the text says the opposite ("sans variante", a DUME answer "Non").
 * - UNDECIDABLE: no box glyph (drawn form boxes extract as nothing) and nothing else decides.
 */
export type OptionState = 'TICKED' | 'UNTICKED' | 'NEGATED' | 'UNDECIDABLE';

export interface OptionReading {
  state: OptionState;
  /** Where the label was found in the light-folded text. */
  index: number;
  /** What follows the label on its line (the option's field), trimmed. */
  field: string;
}

const TICKED = String.raw`☒|☑|■|✓|✔|✗|✘|\[\s*[x✓✔]\s*\]|\(\s*[x✓✔]\s*\)|(?<![a-z0-9'])x(?![a-z0-9'])`;
const UNTICKED = String.raw`☐|□|❑|❒|\[\s*\]|\(\s*\)`;
const GLYPH = new RegExp(`(?:${TICKED}|${UNTICKED})`, 'g');
const BOX_BEFORE = new RegExp(`(${TICKED}|${UNTICKED})[\\s:;,.-]*$`);
const BOX_AFTER = new RegExp(`^[\\s:;,.-]*(${TICKED}|${UNTICKED})`);
const IS_TICKED = new RegExp(`^(?:${TICKED})$`);

/** Does the text use box glyphs at all? (A form whose boxes are drawn extracts none.) */
export function hasBoxGlyphs(light: string): boolean {
  return /☐|☒|☑|□|❑|❒|\[\s*x?\s*\]/.test(light);
}

/** Empty form field: nothing, or only dots, underscores, ellipses and units. */
export function isBlankField(field: string): boolean {
  return field.replace(/[.…_\s:;,()\-–]|€|euros?|eur|h\.?t\.?|t\.?t\.?c\.?|n\s?°|no(?![a-z])/g, '').trim() === '';
}

function lineAround(light: string, index: number, length: number): { before: string; after: string } {
  const start = light.lastIndexOf('\n', index - 1) + 1;
  const endIndex = light.indexOf('\n', index + length);
  const end = endIndex < 0 ? light.length : endIndex;
  return { before: light.slice(start, index), after: light.slice(index + length, end) };
}

/**
 * The convention of a line: DAJ forms put the box before the label ("☐ conjoint OU ☒ solidaire");
 * some exports put it after ("conjoint ☐ solidaire ☒"). A line that starts with a label and ends
 * with a box uses the second.
 */
function boxesAfterLabels(line: string): boolean {
  const trimmed = line.trim();
  return !new RegExp(`^(?:${TICKED}|${UNTICKED})`).test(trimmed) && new RegExp(`(?:${TICKED}|${UNTICKED})$`).test(trimmed);
}

function stateOfGlyph(glyph: string): OptionState {
  return IS_TICKED.test(glyph.trim()) ? 'TICKED' : 'UNTICKED';
}

const NEGATIONS = [
  /(?<![a-z])(?:sans|aucune?|pas de|ni|non)\s+(?:\S+\s+){0,3}$/,
  /(?<![a-z])n'(?:y a|\w+)\s+pas\s+(?:\S+\s+){0,4}$/,
  /(?<![a-z])ne\s+(?:\S+\s+){0,2}(?:pas|aucune?|jamais)\s+(?:\S+\s+){0,4}$/,
];
const NEGATION_AFTER = /^[\s,]*(?:(?:ne|n')\s*(?:sont|est|seront|sera)\s+pas|non\s+(?:autorisee|admise|proposee|prevue)|interdites?|:\s*(?:non|neant|sans objet|aucune?)(?![a-z]))/;

/** Is the label, in running text, said not to apply ("sans variante", "pas de sous-traitance")? */
export function negatedBefore(light: string, index: number): boolean {
  const sentenceStart = Math.max(light.lastIndexOf('.', index - 1), light.lastIndexOf('\n', index - 1), index - 80);
  const before = light.slice(sentenceStart + 1, index);
  return NEGATIONS.some((pattern) => pattern.test(before));
}

/** Is the label followed by its negation ("les variantes ne sont pas autorisées", "Sous-traitance : néant")? */
export function negatedAfter(light: string, index: number, length: number): boolean {
  return NEGATION_AFTER.test(light.slice(index + length, index + length + 60));
}

/** One option read at one place of the text. */
export function readAt(light: string, index: number, length: number): OptionReading {
  const { before, after } = lineAround(light, index, length);
  const field = after.replace(/^[\s:;,]+/, '').trim();
  const line = before + light.slice(index, index + length) + after;
  const afterFirst = boxesAfterLabels(line);
  const glyphBefore = BOX_BEFORE.exec(before)?.[1];
  const glyphAfter = BOX_AFTER.exec(after)?.[1];
  const glyph = afterFirst ? glyphAfter : glyphBefore;
  if (glyph) return { state: stateOfGlyph(glyph), index, field };
  if (negatedBefore(light, index) || negatedAfter(light, index, length)) return { state: 'NEGATED', index, field };
  return { state: 'UNDECIDABLE', index, field };
}

/**
 * Every reading of an option whose label matches (in the light-folded text). `fieldDecides`: the
 * option has a field ("à la variante suivante : …"), so without a box a filled field is a
 * declaration and a blank one is not.
 */
export function readOptions(text: string, label: RegExp, options: { fieldDecides?: boolean; alreadyFolded?: boolean } = {}): OptionReading[] {
  const light = options.alreadyFolded ? text : lightFold(text);
  const flags = label.flags.includes('g') ? label.flags : `${label.flags}g`;
  return [...light.matchAll(new RegExp(label.source, flags))].map((match) => {
    const reading = readAt(light, match.index, match[0].length);
    if (reading.state !== 'UNDECIDABLE' || !options.fieldDecides) return reading;
    const field = reading.field.replace(GLYPH, ' ');
    return { ...reading, state: isBlankField(field) ? 'UNTICKED' : 'TICKED' };
  });
}

/** The combined reading of an option printed once or more: any ticked wins, then undecidable. */
export function readOption(text: string, label: RegExp, options: { fieldDecides?: boolean; alreadyFolded?: boolean } = {}): OptionState | undefined {
  const readings = readOptions(text, label, options);
  if (readings.length === 0) return undefined;
  for (const state of ['TICKED', 'UNDECIDABLE', 'NEGATED', 'UNTICKED'] as const) if (readings.some((reading) => reading.state === state)) return state;
  return undefined;
}

export type Answer = 'OUI' | 'NON' | 'UNDECIDABLE';

/**
 * The answer to a yes/no question of a form or a DUME: "☐ Oui ☒ Non", "Oui ☐ Non ☒", "[X] Non",
 * "Réponse : Non", or a bare "Non" after the question (DUME exports print only the answer).
 */
export function readAnswer(text: string, question: RegExp, options: { alreadyFolded?: boolean } = {}): Answer | undefined {
  const light = options.alreadyFolded ? text : lightFold(text);
  const match = new RegExp(question.source, question.flags.replace('g', '')).exec(light);
  if (!match) return undefined;
  const zone = light.slice(match.index + match[0].length, match.index + match[0].length + 160);
  const pair = new RegExp(`((?:${TICKED}|${UNTICKED})?)\\s*oui\\s*((?:${TICKED}|${UNTICKED})?)[\\s/,;-]*((?:${TICKED}|${UNTICKED})?)\\s*non(?![a-z])\\s*((?:${TICKED}|${UNTICKED})?)`).exec(zone);
  if (pair && pair.index < 40) {
    const [, beforeYes, afterYes, beforeNo, afterNo] = pair;
    const useAfter = !beforeYes && !beforeNo && (afterYes || afterNo);
    const yes = useAfter ? afterYes : beforeYes || undefined;
    const no = useAfter ? afterNo : beforeNo || afterYes || undefined;
    const yesTicked = yes ? stateOfGlyph(yes) === 'TICKED' : false;
    const noTicked = no ? stateOfGlyph(no) === 'TICKED' : false;
    // Both boxes must be read: one glyph between "oui" and "non" belongs to either.
    if (yes && no && yesTicked !== noTicked) return yesTicked ? 'OUI' : 'NON';
    return 'UNDECIDABLE';
  }
  const single = /^[\s:?.]*(?:(?:votre )?reponse\s*:?\s*)?(oui|non)(?![a-z])/.exec(zone);
  if (single) return single[1] === 'oui' ? 'OUI' : 'NON';
  return 'UNDECIDABLE';
}
