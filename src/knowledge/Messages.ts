import type { MessageId } from './messageIds';
import type { MessagesFile } from './types';

export type MessageParams = Readonly<Record<string, string | number>>;

/** French texts keyed by id, with `{placeholder}` filling. Variants rotate to sound less robotic. */
export class Messages {
  private turn = 0;

  constructor(private readonly file: MessagesFile) {}

  get locale(): string {
    return this.file.locale;
  }

  text(id: MessageId, params: MessageParams = {}): string {
    const entry = this.file.messages[id];
    const template = Array.isArray(entry) ? entry[this.turn++ % entry.length] : entry;
    return fill(template ?? id, params);
  }
}

export function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
