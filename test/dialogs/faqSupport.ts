import type { Activity, TestAdapter } from 'botbuilder';
import type { DialogServices } from '../../dialogs/DialogServices';
import { readable } from '../support/replies';
import { realServices, testBot, testFaqLogs } from '../support/services';

/** The bot over the real services, with the gap and feedback logs it writes to (files of a fresh DATA_DIR), to read back. */
export function faqBot(overrides: Partial<DialogServices> = {}) {
  const logs = testFaqLogs();
  const services = { ...realServices(), gaps: logs.gaps, feedback: logs.feedback, ...overrides };
  return { adapter: testBot(services), services, gapLog: () => logs.listGaps(), feedbackLog: () => logs.listFeedback() };
}

/** Sends one turn and returns the replies (typing indicators aside). */
export async function say(adapter: TestAdapter, turn: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  await adapter.receiveActivity(typeof turn === 'string' ? { type: 'message', text: turn } : { type: 'message', ...turn });
  return adapter.activeQueue.splice(0).filter((reply) => reply.type !== 'typing');
}

export const texts = (replies: Partial<Activity>[]): string => replies.map((reply) => readable(reply)).join('\n---\n');

interface CardAction {
  type: string;
  id?: string;
  title?: string;
  data?: Record<string, unknown>;
  url?: string;
  card?: { body: { text?: string }[]; actions: CardAction[] };
}

/** Every action of the FAQ card among the replies, nested action sets included, by id. */
export function faqActions(replies: Partial<Activity>[]): Map<string, CardAction> {
  const found = new Map<string, CardAction>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Action.') && typeof record.id === 'string') found.set(record.id, record as unknown as CardAction);
    walk(record.body);
    walk(record.actions);
  };
  for (const reply of replies) for (const attachment of reply.attachments ?? []) walk(attachment.content);
  return found;
}

/** Presses a card button as Web Chat and Teams do: a message whose value is the button's data. */
export const press = (action: CardAction | undefined): Partial<Activity> => {
  if (!action?.data) throw new Error('no such button');
  return { type: 'message', value: action.data };
};
