/**
 * Where the SME profile lives in the bot's user state: one key shared by the profile dialog (which
 * writes it), the tender search and the alerts (which read it). No botbuilder here: only the name
 * and the shape, so that every reader agrees on both.
 */
import type { SmeProfile } from './match/profile';

export type { SmeProfile } from './match/profile';

/** The user-state property holding the SME's profile (see dialogs/ProfileDialog.ts). */
export const PROFILE_STATE_KEY = 'smeProfile';

/** What is stored under PROFILE_STATE_KEY. */
export type StoredProfile = SmeProfile;
