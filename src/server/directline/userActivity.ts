import { HttpError } from '../http/HttpError';
import type { Conversation } from './ConversationLog';

export const ATTACHMENT_PATH = /\/v3\/directline\/attachments\/([0-9a-f-]{36})$/;
const MAX_TEXT = 20_000;
/** What one posted activity may weigh once cleaned (a typed message or a card's answer is a few hundred bytes). */
export const MAX_ACTIVITY_JSON = 32 * 1024;

/** The string with any unpaired surrogate (a name cut inside an emoji) replaced, so it always encodes. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * What a Web Chat user may post, and nothing more: the fields a message or an event needs, the
 * sender made to be this conversation's user, no channel data of the server's own (`ha30…`), and
 * attachments only when they are this conversation's own uploads — a foreign URL or a Teams file
 * type is refused, so the bot can never be made to fetch an address through this door.
 */
export function userActivity(body: Record<string, unknown>, conversation: Conversation, ownsFile: (fileId: string) => boolean): Record<string, unknown> {
  const type = body.type;
  if (typeof type !== 'string' || !/^[a-zA-Z]{1,40}$/.test(type)) {
    throw new HttpError(400, 'BadArgument', 'Activité invalide : le champ "type" est obligatoire.');
  }
  const activity: Record<string, unknown> = { type, from: userAccount(body.from, conversation) };
  if (typeof body.text === 'string') activity.text = body.text.slice(0, MAX_TEXT);
  for (const key of ['textFormat', 'locale', 'name'] as const) if (typeof body[key] === 'string') activity[key] = (body[key] as string).slice(0, 200);
  if (body.value !== undefined) activity.value = body.value;
  if (body.channelData && typeof body.channelData === 'object' && !Array.isArray(body.channelData)) {
    activity.channelData = Object.fromEntries(Object.entries(body.channelData).filter(([key]) => !key.toLowerCase().startsWith('ha30')));
  }
  if (body.attachments !== undefined) activity.attachments = ownAttachments(body.attachments, ownsFile);
  if (JSON.stringify(activity).length > MAX_ACTIVITY_JSON) {
    throw new HttpError(413, 'ActivityTooLarge', `Message trop volumineux : ${MAX_ACTIVITY_JSON / 1024} Ko au plus. Pour un document, utilisez le trombone.`);
  }
  return activity;
}

function ownAttachments(attachments: unknown, ownsFile: (fileId: string) => boolean): Record<string, unknown>[] {
  if (!Array.isArray(attachments)) throw refused();
  return attachments.map((attachment: unknown) => {
    const given = attachment as { contentUrl?: unknown; contentType?: unknown; name?: unknown } | null;
    const match = typeof given?.contentUrl === 'string' ? ATTACHMENT_PATH.exec(given.contentUrl) : null;
    if (!match?.[1] || !ownsFile(match[1])) throw refused();
    return { contentType: 'application/octet-stream', name: typeof given?.name === 'string' ? wellFormed(given.name.slice(0, 255)) : 'fichier', contentUrl: given!.contentUrl };
  });
}

function refused(): HttpError {
  return new HttpError(400, 'BadArgument', 'Pièce jointe refusée : seuls les fichiers envoyés dans cette conversation peuvent être joints (bouton trombone).');
}

export function userAccount(from: unknown, conversation: Conversation): { id: string; name?: string; role: 'user' } {
  const given = from as { id?: unknown; name?: unknown } | undefined;
  const id = typeof given?.id === 'string' && given.id.length > 0 && given.id.length < 200 ? given.id : conversation.userId;
  return { id, ...(typeof given?.name === 'string' ? { name: given.name.slice(0, 200) } : {}), role: 'user' };
}
