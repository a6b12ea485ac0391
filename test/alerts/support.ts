import { StateStore } from '../../src/store/StateStore';
import type { Database } from '../../src/store/database';
import { PROFILE_STATE_KEY, type SmeProfile } from '../../src/tenders/profileState';
import { real } from '../tenders/support/records';

type Json = Record<string, unknown>;

/** What the profile dialog leaves in user state (dialogs/ProfileDialog.ts), written as the bot's storage would. */
export async function seedProfile(database: Database, channelId: string, userId: string, profile: SmeProfile): Promise<void> {
  // botbuilder's UserState key: channel, user, then its (empty) namespace.
  await new StateStore(database).write({ [`${channelId}/users/${userId}/`]: { [PROFILE_STATE_KEY]: profile } });
}

/**
 * The id the bot knows the Direct Line user by (the server assigns it, whatever the client claims):
 * the recipient of the bot's first activity, the welcome.
 */
export async function directLineUserId(url: string, conversationId: string, token: string): Promise<string> {
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    const response = await fetch(`${url}/v3/directline/conversations/${conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${token}` } });
    const { activities } = (await response.json()) as { activities: { from?: { role?: string }; recipient?: { id?: string } }[] };
    const id = activities.find((activity) => activity.from?.role === 'bot' && activity.recipient?.id)?.recipient?.id;
    if (id) return id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the bot never greeted this conversation');
}

/** A profile the real tennis-court notice of Sanary-sur-Mer (BOAMP 26-81510) fits. */
export const SPORTS_GROUNDS: SmeProfile = { activity: 'travaux de réfection de courts de tennis et revêtements de sols sportifs', departments: ['83'], natures: ['TRAVAUX'], employees: 12, turnover: 1_500_000 };

/**
 * The real FNSimple record 26-81510, and a second notice derived from it under another idweb
 * (constructed: same buyer and trade, a new notice) to show that later imports still alert.
 */
export function tennisNotice(idweb = '26-81510'): Json {
  const record = real.fnsimple();
  if (idweb === '26-81510') return record;
  const gestion = JSON.parse(record.gestion as string) as Json & { REFERENCE: Json };
  gestion.REFERENCE = { ...gestion.REFERENCE, IDWEB: idweb };
  return { ...record, idweb, id: idweb.replace('-', '_'), objet: `${String(record.objet)} — tranche 2`, gestion: JSON.stringify(gestion), url_avis: `https://www.boamp.fr/pages/avis/?q=idweb:${idweb}` };
}
