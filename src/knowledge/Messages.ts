import { frenchTypography } from '../text/frenchTypography';
import { messageTemplateProblems } from './conversationChecks';
import type { MessageId, MessageParamsOf } from './messageIds';
import { throwIfAny } from './problems';
import { type PluralBlock, readPlural } from './templates';

export { templatePlaceholders, templateProblem } from './templates';
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
    throwIfAny(messageTemplateProblems(file));
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

const FRENCH_PLURAL = new Intl.PluralRules('fr-FR');
const FRENCH_NUMBER = new Intl.NumberFormat('fr-FR');

/** French plural choice: an exact `=N` branch first, then CLDR's category (0 and 1 are "one" in French). */
function branchFor(block: PluralBlock, value: number): string {
  return block.branches.get(`=${value}`) ?? block.branches.get(FRENCH_PLURAL.select(value)) ?? block.branches.get('other')!;
}

/** `{name}` exactly at lastIndex (sticky): no copy of the rest of the template to match it. */
const SIMPLE_PLACEHOLDER = /\{(\w+)\}/y;

/**
 * Fills a template: `{name}` takes the parameter's value (an unknown name is left as written), and
 * `{count, plural, =0 {aucune pièce} one {# pièce} other {# pièces}}` takes the branch for the number
 * `count` — `#` inside a branch is that number, written the French way (1 234). Branches may hold
 * other placeholders and plurals. Used for the chat's messages and for the rules' texts.
 */
export function fill(template: string, params: MessageParams): string {
  let out = '';
  for (let at = 0; at < template.length; ) {
    if (template[at] !== '{') {
      // Plain text up to the next brace in one piece: a placeholder can only start at a brace.
      const brace = template.indexOf('{', at);
      const end = brace === -1 ? template.length : brace;
      out += template.slice(at, end);
      at = end;
      continue;
    }
    const block = readPlural(template, at);
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
    SIMPLE_PLACEHOLDER.lastIndex = at;
    const simple = SIMPLE_PLACEHOLDER.exec(template);
    if (simple) {
      out += simple[1]! in params ? String(params[simple[1]!]) : simple[0];
      at += simple[0].length;
      continue;
    }
    out += '{';
    at++;
  }
  return out;
}
