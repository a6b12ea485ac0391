import { AppError } from '../errors';
import { frenchTypography } from '../text/frenchTypography';
import { MESSAGE_PLACEHOLDERS, type MessageId, type MessageParamsOf } from './messageIds';
import type { MessagesFile } from './types';

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * French texts keyed by id, with `{placeholder}` filling, plural forms and French typography.
 * Variants rotate to sound less robotic. Built at start: a text that uses a placeholder the code does
 * not give, or a malformed plural, stops the start with the message id named.
 */
export class Messages {
  private turn = 0;

  constructor(private readonly file: MessagesFile) {
    for (const [id, given] of Object.entries(MESSAGE_PLACEHOLDERS) as [MessageId, readonly string[]][]) {
      const entry = file.messages[id];
      const variants = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
      variants.forEach((template, index) => {
        const problem = templateProblem(template, given);
        const where = `/messages/${id}${Array.isArray(entry) ? `/${index}` : ''}`;
        if (problem) throw new AppError('KNOWLEDGE_INVALID', `Fichier de connaissances invalide : messages.json — ${where} ${problem}`, { file: 'messages.json', path: where });
      });
    }
  }

  get locale(): string {
    return this.file.locale;
  }

  /** The text a person reads: filled, its plurals chosen, with French typography. */
  text<I extends MessageId>(id: I, ...[params]: MessageParamsOf<I>): string {
    const entry = this.file.messages[id];
    const template = Array.isArray(entry) ? entry[this.turn++ % entry.length] : entry;
    return frenchTypography(fill(template ?? id, params ?? {}));
  }
}

const PLURAL_START = /^\{(\w+),\s*plural,/;
const FRENCH_PLURAL = new Intl.PluralRules('fr-FR');
const FRENCH_NUMBER = new Intl.NumberFormat('fr-FR');

interface PluralBlock {
  key: string;
  branches: Map<string, string>;
  end: number;
}

/** The `{key, plural, one {…} other {…}}` block that starts at `start`, or undefined if it is malformed. */
function readPlural(template: string, start: number): PluralBlock | undefined {
  const head = PLURAL_START.exec(template.slice(start));
  if (!head) return undefined;
  const branches = new Map<string, string>();
  let at = start + head[0].length;
  for (;;) {
    while (/\s/.test(template[at] ?? '')) at++;
    if (template[at] === '}') return branches.has('other') ? { key: head[1]!, branches, end: at + 1 } : undefined;
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(template.slice(at));
    if (!selector) return undefined;
    let depth = 1;
    let cursor = at + selector[0].length;
    const bodyStart = cursor;
    while (cursor < template.length && depth > 0) {
      if (template[cursor] === '{') depth++;
      else if (template[cursor] === '}') depth--;
      cursor++;
    }
    if (depth > 0) return undefined;
    branches.set(selector[1]!.replace(/\s/g, ''), template.slice(bodyStart, cursor - 1));
    at = cursor;
  }
}

/** French plural choice: an exact `=N` branch first, then CLDR's category (0 and 1 are "one" in French). */
function branchFor(block: PluralBlock, value: number): string {
  return block.branches.get(`=${value}`) ?? block.branches.get(FRENCH_PLURAL.select(value)) ?? block.branches.get('other')!;
}

/**
 * Fills a template: `{name}` takes the parameter's value (an unknown name is left as written), and
 * `{count, plural, =0 {aucune pièce} one {# pièce} other {# pièces}}` takes the branch for the number
 * `count` — `#` inside a branch is that number, written the French way (1 234). Branches may hold
 * other placeholders and plurals. Used for the chat's messages and for the rules' texts.
 */
export function fill(template: string, params: MessageParams): string {
  let out = '';
  for (let at = 0; at < template.length; ) {
    const block = template[at] === '{' ? readPlural(template, at) : undefined;
    if (block) {
      const value = Number(params[block.key]);
      if (block.key in params && Number.isFinite(value)) {
        out += fill(branchFor(block, value).replace(/#/g, FRENCH_NUMBER.format(value)), params);
      } else {
        out += template.slice(at, block.end);
      }
      at = block.end;
      continue;
    }
    const simple = /^\{(\w+)\}/.exec(template.slice(at));
    if (simple) {
      out += simple[1]! in params ? String(params[simple[1]!]) : simple[0];
      at += simple[0].length;
      continue;
    }
    out += template[at];
    at++;
  }
  return out;
}

/** Every placeholder a template reads: `{name}` and the number of each plural, branches included. */
export function templatePlaceholders(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(/\{(\w+)(\}|,\s*plural,)/g)) names.add(match[1]!);
  return [...names];
}

/**
 * What is wrong with a template, in French, or undefined: a plural that does not parse (it would be
 * shown raw), or a placeholder that nobody gives (`given`). For the knowledge loader and its tests.
 */
export function templateProblem(template: string, given: readonly string[]): string | undefined {
  for (let at = template.indexOf('{'); at >= 0; at = template.indexOf('{', at + 1)) {
    if (PLURAL_START.test(template.slice(at)) && !readPlural(template, at)) {
      return 'a une forme plurielle mal écrite : attendu {nombre, plural, one {…} other {…}} (la branche other est obligatoire).';
    }
  }
  const unknown = templatePlaceholders(template).filter((name) => !given.includes(name));
  if (unknown.length > 0) {
    const offered = given.length > 0 ? `disponibles ici : ${given.map((name) => `{${name}}`).join(', ')}` : 'ce texte n’en reçoit aucun';
    return `utilise ${unknown.map((name) => `{${name}}`).join(', ')}, que l’assistant ne fournit pas (${offered}).`;
  }
  return undefined;
}
