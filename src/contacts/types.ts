/** The club's directory (knowledge/contacts.json) and events (knowledge/events.json). */

export interface ContactChannel {
  label: string;
  url?: string;
  /** A functional mailbox (contact@, marches@…), never a person's. */
  email?: string;
  switchboardPhone?: string;
}

export interface ClubContact {
  id: string;
  kind: 'MEMBER' | 'SUPPORT';
  organisation: { name: string; type: string; siren?: string; aliases: string[]; territory: string[] };
  purchaseDomains: string[];
  channel: ContactChannel;
  howToApproach: string;
  source: string;
  uncertain?: string;
}

export interface Situation {
  id: string;
  label: string;
  keywords: string[];
  answer: string;
  contactIds: string[];
}

export interface ContactsFile {
  updatedAt: string;
  policy: string;
  contacts: ClubContact[];
  situations: Situation[];
}

export interface ClubEvent {
  id: string;
  title: string;
  kind: 'CLUB_MEETING' | 'BUSINESS_CONVENTION' | 'WORKSHOP' | 'BUYERS_MEETING';
  organiserId: string;
  date?: string;
  datePrecision?: 'DAY' | 'MONTH';
  dateStatus: 'CONFIRMED' | 'UNCERTAIN';
  dateNote?: string;
  place: string;
  registration: { how: string; url?: string };
  description: string;
  source: string;
}

export interface EventsFile {
  updatedAt: string;
  events: ClubEvent[];
}
