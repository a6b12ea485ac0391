import { AnnouncementDialog } from './AnnouncementDialog';
import type { DialogServices } from './DialogServices';
import { GOAL_DIALOG } from './dialogIds';

/** Goal "Contacter le club HA30 / la CCI": the bodies known today; the members' directory comes later. */
export class ContactClubDialog extends AnnouncementDialog {
  constructor(services: DialogServices) {
    super(GOAL_DIALOG.CONTACT_CLUB, services, ['contactClub.text', 'contactClub.notYetAvailable']);
  }
}
