import { AnnouncementDialog } from './AnnouncementDialog';
import type { DialogServices } from './DialogServices';
import { GOAL_DIALOG } from './dialogIds';

/** Goal "Trouver des marchés pour mon entreprise" (catalogue and matching: tenders issue). */
export class FindTendersDialog extends AnnouncementDialog {
  constructor(services: DialogServices) {
    super(GOAL_DIALOG.FIND_TENDERS, services, ['findTenders.notYetAvailable']);
  }
}
