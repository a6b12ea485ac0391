import type { IncomingAttachment } from './types';

const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

/** Attachment kinds that are message decoration, not files the user sent. */
function isDecoration(contentType: string): boolean {
  return (
    contentType === 'text/html' ||
    contentType.startsWith('application/vnd.microsoft.card.') ||
    contentType === 'application/vnd.microsoft.teams.card.o365connector'
  );
}

export interface FileReference {
  name: string;
  url: string;
  contentType: string;
  /** `teams`: a Teams `downloadUrl` (always a public https SharePoint/OneDrive address). */
  source: 'teams' | 'contentUrl';
}

/**
 * Where to download each file of a message. Teams gives a pre-authenticated `downloadUrl` inside
 * `content` (its `contentUrl` answers 401); Web Chat and the Emulator give `contentUrl`.
 */
export function fileReferences(attachments: readonly IncomingAttachment[] | undefined): FileReference[] {
  return (attachments ?? []).flatMap((attachment, index): FileReference[] => {
    const name = attachment.name?.trim() || `fichier-${index + 1}`;
    if (attachment.contentType === TEAMS_FILE) {
      const content = attachment.content as { downloadUrl?: unknown; fileType?: unknown } | undefined;
      const url = typeof content?.downloadUrl === 'string' ? content.downloadUrl : undefined;
      return url ? [{ name, url, contentType: 'application/octet-stream', source: 'teams' }] : [];
    }
    if (isDecoration(attachment.contentType) || !attachment.contentUrl) return [];
    return [{ name, url: attachment.contentUrl, contentType: attachment.contentType, source: 'contentUrl' }];
  });
}
