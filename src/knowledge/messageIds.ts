/**
 * Every message id the code asks for. The loader refuses a knowledge folder that lacks one, so a
 * CCI edit can never make the bot answer with an empty string.
 */
export const MESSAGE_IDS = [
  'app.name',
  'welcome.title',
  'welcome.text',
  'welcome.prompt',
  'welcome.privacy',
  'welcome.textFallback',
  'help.text',
  'cancel.done',
  'cancel.nothing',
  'restart.done',
  'unknown.text',
  'next.prompt',
  'suggest.checkDossier',
  'suggest.findTenders',
  'suggest.askQuestion',
  'suggest.contactClub',
  'checkDossier.intro',
  'checkDossier.waitingForFiles',
  'checkDossier.received',
  'checkDossier.notYetAvailable',
  'findTenders.notYetAvailable',
  'askQuestion.notYetAvailable',
  'contactClub.text',
  'contactClub.notYetAvailable',
  'upload.tooLarge',
  'upload.empty',
  'upload.unreachable',
  'error.generic',
] as const;

export type MessageId = (typeof MESSAGE_IDS)[number];
