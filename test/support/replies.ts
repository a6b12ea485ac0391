import type { Activity, Attachment } from 'botbuilder';

/**
 * Everything a person would read in a reply: its text and the text blocks of its cards. The
 * non-breaking spaces of French typography are read as spaces, so that transcripts match words;
 * the typography itself is pinned by test/dialogs/typography.test.ts (with `rawText`).
 */
export function readable(activity: Partial<Activity>): string {
  return rawText(activity).replace(/[\u00a0\u202f]/g, ' ');
}

/** The reply's readable text exactly as sent, non-breaking spaces included. */
export function rawText(activity: Partial<Activity>): string {
  const cardText = (activity.attachments ?? []).map((attachment: Attachment) => cardBlocks(attachment.content)).join('\n');
  const actions = (activity.suggestedActions?.actions ?? []).map((action) => action.title).join(' | ');
  return [activity.text ?? '', cardText, actions].filter(Boolean).join('\n');
}

function cardBlocks(node: unknown): string {
  if (Array.isArray(node)) return node.map(cardBlocks).join('\n');
  if (!node || typeof node !== 'object') return '';
  const record = node as Record<string, unknown>;
  const own = typeof record.text === 'string' ? [record.text] : [];
  const title = record.type === 'Action.Submit' && typeof record.title === 'string' ? [record.title] : [];
  return [...own, ...title, cardBlocks(record.body), cardBlocks(record.actions), cardBlocks(record.items)].filter(Boolean).join('\n');
}
