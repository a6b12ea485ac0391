import { baseFold } from '../text/baseFold';
import { type MatchText, sharedMatchText } from '../tenders/match/fit';
import { stems } from '../tenders/match/text';
import type { Tender } from '../tenders/types';
import { type Directory, sharedDirectory } from './loadDirectory';
import type { ClubContact, ClubEvent, ContactChannel, Situation } from './types';

/** Who to talk to about a tender: always an organisation and a channel, never a person. */
export interface TenderContact {
  organisation: string;
  channel: string;
  url?: string;
  /** The buyer is a member of the club HA30 (the club can introduce the SME). */
  clubMember: boolean;
  contactId?: string;
  howToApproach?: string;
}

/** "Ville de Bagnols-sur-Cèze (30)" → "ville de bagnols sur ceze 30". */
export function foldName(name: string): string {
  return baseFold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function sirenOf(tender: Tender): string | undefined {
  const siren = tender.buyer.siren ?? (tender.buyer.siret && tender.buyer.siret.length === 14 ? tender.buyer.siret.slice(0, 9) : undefined);
  return siren && /^[0-9]{9}$/.test(siren) ? siren : undefined;
}

/**
 * The club contact that is this tender's buyer: by the organisation id the importer set, then by
 * SIREN (from the SIRET), then by one of the names BOAMP uses for it (free text, hence aliases
 * compared whole-word after folding). Short aliases such as "BRL" must equal the name.
 */
export function findBuyer(tender: Tender, directory: Directory = sharedDirectory()): ClubContact | undefined {
  const byId = tender.buyer.organisationId ? directory.byId.get(tender.buyer.organisationId) : undefined;
  if (byId) return byId;
  const siren = sirenOf(tender);
  if (siren) {
    const bySiren = directory.contacts.find((c) => c.organisation.siren === siren);
    if (bySiren) return bySiren;
  }
  const name = ` ${foldName(tender.buyer.name)} `;
  let best: { contact: ClubContact; length: number } | undefined;
  for (const contact of directory.contacts) {
    for (const alias of [contact.organisation.name, ...contact.organisation.aliases]) {
      const folded = foldName(alias);
      const matches = folded.length <= 4 ? name.trim() === folded : name.includes(` ${folded} `);
      if (matches && (!best || folded.length > best.length)) best = { contact, length: folded.length };
    }
  }
  return best?.contact;
}

/** "Label — url — e-mail — standard …": how to reach a contact, in one line. */
export function describeChannel(channel: ContactChannel, text: MatchText = sharedMatchText()): string {
  const parts = [channel.label];
  if (channel.url) parts.push(channel.url);
  if (channel.email) parts.push(channel.email);
  if (channel.switchboardPhone) parts.push(text('contacts.channel.switchboard', { phone: channel.switchboardPhone }));
  return parts.join(' — ');
}

/** `text`: the channels' wording (knowledge/messages.json, ids `contacts.channel.*`). */
export function contactForTender(tender: Tender, directory: Directory = sharedDirectory(), text: MatchText = sharedMatchText()): TenderContact {
  const member = findBuyer(tender, directory);
  if (member) {
    return {
      organisation: member.organisation.name,
      channel: describeChannel(member.channel, text),
      url: member.channel.url,
      clubMember: member.kind === 'MEMBER',
      contactId: member.id,
      howToApproach: member.howToApproach,
    };
  }
  // Not in the club: the buyer's own platform, where questions on a consultation must be asked.
  if (tender.buyerProfileUrl) {
    return { organisation: tender.buyer.name, channel: text('contacts.channel.buyerProfile', { url: tender.buyerProfileUrl }), url: tender.buyerProfileUrl, clubMember: false };
  }
  if (tender.status === 'UPCOMING' && tender.source === 'approch') {
    const approch = directory.byId.get('approch');
    return { organisation: tender.buyer.name, channel: approch?.channel.url ? text('contacts.channel.approchAt', { url: approch.channel.url }) : text('contacts.channel.approch'), url: tender.noticeUrl ?? approch?.channel.url, clubMember: false };
  }
  if (tender.noticeUrl) return { organisation: tender.buyer.name, channel: text('contacts.channel.notice', { url: tender.noticeUrl }), url: tender.noticeUrl, clubMember: false };
  const cci = directory.byId.get('cci-gard');
  return { organisation: tender.buyer.name, channel: cci?.channel.url ? text('contacts.channel.cciAt', { url: cci.channel.url }) : text('contacts.channel.cci'), url: cci?.channel.url, clubMember: false };
}

export interface SituationAnswer {
  situation: Situation;
  answer: string;
  contacts: ClubContact[];
}

/**
 * The right contact for what an SME is going through ("la mairie ne m'a pas payé depuis trois
 * mois" → the Médiateur des entreprises). Keywords are compared as stem sequences, so that
 * "payée", "paiements" or "retards de paiement" match; the situation with the most matched
 * keyword stems wins. Undefined when nothing matches: the caller says it does not know.
 */
export function contactForSituation(text: string, directory: Directory = sharedDirectory()): SituationAnswer | undefined {
  const said = stems(text);
  if (!said.length) return undefined;
  const joined = ` ${said.join(' ')} `;
  let best: { situation: Situation; score: number } | undefined;
  for (const situation of directory.situations) {
    let score = 0;
    for (const keyword of situation.keywords) {
      const keywordStems = stems(keyword);
      if (keywordStems.length && joined.includes(` ${keywordStems.join(' ')} `)) score += keywordStems.length;
    }
    if (score > 0 && (!best || score > best.score)) best = { situation, score };
  }
  if (!best) return undefined;
  const contacts = best.situation.contactIds.map((id) => directory.byId.get(id)).filter((c): c is ClubContact => c !== undefined);
  return { situation: best.situation, answer: best.situation.answer, contacts };
}

export interface UpcomingEvent {
  event: ClubEvent;
  /** "le 12 mars 2027", "en mars 2027", or what is known when no date is published. */
  when: string;
  dateUncertain: boolean;
  organiser?: string;
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
const monthFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', month: 'long', year: 'numeric' });

/** The last instant an event can still be joined: end of its day, or of its month. */
function endOf(event: ClubEvent): number | undefined {
  if (!event.date) return undefined;
  const [y, m, d] = event.date.split('-').map(Number) as [number, number, number];
  return event.datePrecision === 'MONTH' ? Date.UTC(y, m, 1) + 86_400_000 : Date.UTC(y, m - 1, d) + 86_400_000;
}

/**
 * Events still to come at `now`, dated ones first (soonest first), then those whose date the
 * sources do not give (flagged, with what is known). Past events never appear.
 */
export function upcomingEvents(now: Date, directory: Directory = sharedDirectory(), text: MatchText = sharedMatchText()): UpcomingEvent[] {
  const nowMs = now.getTime();
  const dated: UpcomingEvent[] = [];
  const undated: UpcomingEvent[] = [];
  for (const event of directory.events) {
    const organiser = directory.byId.get(event.organiserId)?.organisation.name;
    const end = endOf(event);
    if (end !== undefined) {
      if (end <= nowMs) continue;
      const start = Date.parse(`${event.date}T12:00:00Z`);
      const base = event.datePrecision === 'MONTH' ? text('contacts.event.month', { month: monthFormat.format(start) }) : text('contacts.event.day', { date: dayFormat.format(start) });
      const uncertain = event.dateStatus === 'UNCERTAIN';
      dated.push({ event, organiser, dateUncertain: uncertain, when: uncertain ? text('contacts.event.uncertain', { when: base }) : base });
    } else {
      undated.push({ event, organiser, dateUncertain: true, when: event.dateNote ?? text('contacts.event.undated') });
    }
  }
  dated.sort((a, b) => (a.event.date ?? '').localeCompare(b.event.date ?? '') || a.event.id.localeCompare(b.event.id));
  return [...dated, ...undated];
}
