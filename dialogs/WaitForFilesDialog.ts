import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { rejectedUploads } from '../src/attachments/FileIntake';
import { formatSize } from '../src/attachments/formatSize';
import { localFilesOf } from '../src/attachments/localFiles';
import type { FileBatch, FileRefusal } from '../src/attachments/types';
import type { MessageId } from '../src/knowledge/messageIds';
import type { DialogServices } from './DialogServices';
import type { WaitingPoint } from './waitingPoints';

export const WAIT_FOR_FILES = 'WaitForFilesDialog';

export interface WaitForFilesOptions {
  /** The current message already carries the files: take them without asking. */
  takeCurrent?: boolean;
}

const REFUSAL_MESSAGE: Record<FileRefusal['reason'], Extract<MessageId, `upload.${string}`>> = {
  TOO_LARGE: 'upload.tooLarge',
  EMPTY: 'upload.empty',
  UNREACHABLE: 'upload.unreachable',
  FORBIDDEN: 'upload.forbidden',
  BATCH_TOO_LARGE: 'upload.batchTooLarge',
  SERVER_BUSY: 'upload.serverBusy',
  TOO_MANY_FILES: 'upload.tooManyFiles',
};

/**
 * Asks for the files and waits until a message brings at least one usable file, acknowledging each
 * by name and size and explaining each refusal. Ends with the batch (kept in memory, never stored).
 */
export class WaitForFilesDialog extends Dialog<WaitForFilesOptions> {
  constructor(private readonly services: DialogServices) {
    super(WAIT_FOR_FILES);
  }

  override async beginDialog(dc: DialogContext, options?: WaitForFilesOptions): Promise<DialogTurnResult> {
    if (options?.takeCurrent) return this.receive(dc);
    await dc.context.sendActivity(this.services.messages.text('checkDossier.intro', { limit: formatSize(this.services.files.limitBytes) }));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    if (this.services.files.hasFiles(activity.attachments, rejectedUploads(activity.channelData))) return this.receive(dc);
    await dc.context.sendActivity(this.services.messages.text('checkDossier.waitingForFiles'));
    return Dialog.EndOfTurn;
  }

  /** Only files answer it: any text may be a question or another request. */
  waitingPoints(): WaitingPoint[] {
    return [{ id: WAIT_FOR_FILES, accepts: () => false, resume: 'resume.waitForFiles', awaitsNoText: true }];
  }

  /** After an interruption ("merci"), the SME is reminded what the bot is waiting for. */
  override async repromptDialog(context: TurnContext): Promise<void> {
    await context.sendActivity(this.services.messages.text('checkDossier.waitingForFiles'));
  }

  private async receive(dc: DialogContext): Promise<DialogTurnResult> {
    const { messages, files } = this.services;
    const activity = dc.context.activity;
    await dc.context.sendActivity({ type: ActivityTypes.Typing });
    const batch: FileBatch = await files.receive(activity.attachments, rejectedUploads(activity.channelData), localFilesOf(dc.context.turnState));
    for (const file of batch.received) {
      await dc.context.sendActivity(messages.text('checkDossier.received', { name: file.name, size: formatSize(file.bytes.length) }));
    }
    for (const refusal of batch.refused) await dc.context.sendActivity(this.refusalText(refusal));
    if (batch.received.length === 0) return Dialog.EndOfTurn;
    return dc.endDialog(batch);
  }

  private refusalText(refusal: FileRefusal): string {
    const { files } = this.services;
    return this.services.messages.text(REFUSAL_MESSAGE[refusal.reason], {
      name: refusal.name,
      limit: formatSize(files.limitBytes),
      batchLimit: formatSize(files.batchLimitBytes),
      maxFiles: String(files.maxFilesPerUpload),
    });
  }
}
