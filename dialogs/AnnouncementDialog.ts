import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { PlainMessageId } from '../src/knowledge/messageIds';
import type { DialogServices } from './DialogServices';

/**
 * A goal whose capability is not built yet: it tells the user, in the knowledge's words, what
 * exists today and what is coming, then hands back to the root. It never shows invented results.
 */
export abstract class AnnouncementDialog extends Dialog {
  protected constructor(
    id: string,
    private readonly services: DialogServices,
    private readonly texts: readonly PlainMessageId[],
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    for (const id of this.texts) await dc.context.sendActivity(this.services.messages.text(id));
    return dc.endDialog();
  }
}
