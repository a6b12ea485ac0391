import { ActivityTypes } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { rejectedUploads } from '../src/attachments/FileIntake';
import { formatSize } from '../src/attachments/formatSize';
import type { FileRefusal } from '../src/attachments/types';
import type { DialogServices } from './DialogServices';
import { GOAL_DIALOG } from './dialogIds';

export interface CheckDossierOptions {
  /** The message that started the dialog already carries files. */
  filesInFirstMessage?: boolean;
}

const REFUSAL_MESSAGE = { TOO_LARGE: 'upload.tooLarge', EMPTY: 'upload.empty', UNREACHABLE: 'upload.unreachable' } as const;

/**
 * Goal "Vérifier mon dossier de candidature": collects the SME's files. The content check itself
 * arrives with the bid-check issue; until then the dialog says so plainly and shows no result.
 */
export class CheckDossierDialog extends Dialog<CheckDossierOptions> {
  constructor(private readonly services: DialogServices) {
    super(GOAL_DIALOG.CHECK_DOSSIER);
  }

  override async beginDialog(dc: DialogContext, options?: CheckDossierOptions): Promise<DialogTurnResult> {
    if (options?.filesInFirstMessage) return this.receiveFilesStep(dc);
    const limit = formatSize(this.services.files.limitBytes);
    await dc.context.sendActivity(this.services.messages.text('checkDossier.intro', { limit }));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    if (this.services.files.hasFiles(activity.attachments, rejectedUploads(activity.channelData))) return this.receiveFilesStep(dc);
    await dc.context.sendActivity(this.services.messages.text('checkDossier.waitingForFiles'));
    return Dialog.EndOfTurn;
  }

  private async receiveFilesStep(dc: DialogContext): Promise<DialogTurnResult> {
    const { messages, files } = this.services;
    const activity = dc.context.activity;
    await dc.context.sendActivity({ type: ActivityTypes.Typing });
    const batch = await files.receive(activity.attachments, rejectedUploads(activity.channelData));
    for (const file of batch.received) {
      await dc.context.sendActivity(messages.text('checkDossier.received', { name: file.name, size: formatSize(file.bytes.length) }));
    }
    for (const refusal of batch.refused) await dc.context.sendActivity(this.refusalText(refusal));
    if (batch.received.length === 0) return Dialog.EndOfTurn;
    await dc.context.sendActivity(messages.text('checkDossier.notYetAvailable'));
    return dc.endDialog({ filesReceived: batch.received.length });
  }

  private refusalText(refusal: FileRefusal): string {
    return this.services.messages.text(REFUSAL_MESSAGE[refusal.reason], { name: refusal.name, limit: formatSize(this.services.files.limitBytes) });
  }
}
