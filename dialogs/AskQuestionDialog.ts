import { AnnouncementDialog } from './AnnouncementDialog';
import type { DialogServices } from './DialogServices';
import { GOAL_DIALOG } from './dialogIds';

/** Goal "Poser une question" (FAQ answers and gap logging: FAQ issue). */
export class AskQuestionDialog extends AnnouncementDialog {
  constructor(services: DialogServices) {
    super(GOAL_DIALOG.ASK_QUESTION, services, ['askQuestion.notYetAvailable']);
  }
}
