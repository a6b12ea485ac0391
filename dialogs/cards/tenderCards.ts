import { type Attachment, CardFactory } from 'botbuilder';
import { frDate } from '../../src/bidcheck';
import type { Messages } from '../../src/knowledge/Messages';
import type { Tender } from '../../src/tenders';
import { formatEuros } from '../../src/tenders/match/fit';
import { frenchTypography } from '../../src/text/frenchTypography';
import { frTime } from '../DeadlineDialog';

/** Card buttons carry the goal and the tender; RootDialog routes them (see tenderFromValue). */
export interface TenderSubmit {
  ha30Goal: 'CHECK_DOSSIER' | 'CONTACT_CLUB';
  ha30Tender: string;
}

/**
 * « Voir le détail et l'avis »: a submit, not an Action.OpenUrl, because a link opened by the client
 * never reaches the bot, and an SME who read a notice would then count as one who did not — the
 * buyer's dashboard would call a tender ignored when it was read (a false alarm). The detail card it
 * brings holds the notice link.
 */
export interface TenderDetailSubmit {
  ha30Detail: string;
}

const TENDER_ID_MAX = 200;

/** The tender of a « Voir le détail » click, if the value is one and well formed. */
export function tenderDetailOf(value: unknown): string | undefined {
  const id = (value as { ha30Detail?: unknown } | null | undefined)?.ha30Detail;
  return typeof id === 'string' && id.length > 0 && id.length <= TENDER_ID_MAX ? id : undefined;
}

/** Any value that claims to be a detail click, even malformed: it must not be read as something else. */
export function claimsTenderDetail(value: unknown): boolean {
  return !!value && typeof value === 'object' && 'ha30Detail' in value;
}

/** The buttons every tender card ends with: check a dossier for it, contact its buyer. */
export function tenderGoalActions(tender: Tender, messages: Messages): object[] {
  return [
    { type: 'Action.Submit', id: 'checkThisTender', title: messages.text('findTenders.card.check'), data: { ha30Goal: 'CHECK_DOSSIER', ha30Tender: tender.id } satisfies TenderSubmit },
    { type: 'Action.Submit', id: 'contactBuyer', title: messages.text('findTenders.card.contact'), data: { ha30Goal: 'CONTACT_CLUB', ha30Tender: tender.id } satisfies TenderSubmit },
  ];
}

/**
 * A button that posts a text: Teams sends `msteams.value` as the message, Web Chat sends the data
 * as the activity's value, which RootDialog reads as text (`ha30Text`).
 */
function postText(id: string, title: string, text: string) {
  return { type: 'Action.Submit', id, title, data: { ha30Text: text, msteams: { type: 'imBack', value: text } } };
}

const DAY_MS = 86_400_000;
const monthFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', month: 'long', year: 'numeric' });
// Built once: a formatter costs far more to build than to use, and a results page reads a dozen dates.
const parisDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

/** Whole days from `now` to the deadline's day, both read in Paris. */
export function daysLeft(deadlineAt: string, now: Date): number {
  const parisDay = (instant: Date) => Date.parse(`${parisDayFormat.format(instant)}T00:00:00Z`);
  return Math.max(0, Math.round((parisDay(new Date(deadlineAt)) - parisDay(now)) / DAY_MS));
}

export function valueText(tender: Tender, messages: Messages): string {
  const value = tender.estimatedValue;
  if (value?.amountEur) return messages.text('findTenders.card.value', { value: formatEuros(value.amountEur) });
  if (value?.rangeLabel) return messages.text('findTenders.card.value', { value: value.rangeLabel });
  return messages.text('findTenders.card.valueUnknown');
}

export function whenText(tender: Tender, messages: Messages, now: Date): string {
  if (tender.deadlineAt) {
    const line = messages.text('findTenders.card.deadline', { date: frDate(tender.deadlineAt.slice(0, 10)), time: frTime(tender.deadlineAt), count: daysLeft(tender.deadlineAt, now) });
    return tender.deadlineUncertain ? `${line} — ${messages.text('findTenders.card.deadlineUncertain')}` : line;
  }
  const expected = tender.expectedPublicationDate;
  const when = expected ? messages.text('findTenders.card.upcomingExpected', { month: monthFormat.format(new Date(`${expected.slice(0, 10)}T12:00:00Z`)) }) : messages.text('findTenders.card.upcomingUnknown');
  return messages.text('findTenders.card.upcoming', { when });
}

export interface CardTender {
  tender: Tender;
  reasons: string[];
  example: boolean;
}

/** One result: title, buyer, deadline and days left, value, why it matches, and what to do next (the detail, with the notice link). */
export function tenderCard(result: CardTender, messages: Messages, now: Date): Attachment {
  const { tender, reasons, example } = result;
  const place = [tender.town, tender.departments.length === 1 ? `(${tender.departments[0]})` : undefined].filter(Boolean).join(' ');
  const lines = [
    { text: whenText(tender, messages, now), weight: 'Bolder' },
    { text: valueText(tender, messages) },
    ...(place ? [{ text: messages.text('findTenders.card.place', { place }) }] : []),
    { text: messages.text('findTenders.card.why', { reasons: reasons.join(' ; ') }), isSubtle: true, size: 'Small' },
  ];
  const actions: object[] = [
    ...tenderGoalActions(tender, messages),
    { type: 'Action.Submit', id: 'tenderDetail', title: messages.text('findTenders.card.detail'), data: { ha30Detail: tender.id } satisfies TenderDetailSubmit },
  ];
  const exampleMark = example ? [{ type: 'TextBlock', text: messages.text('findTenders.card.example'), color: 'Warning', weight: 'Bolder', size: 'Small', wrap: true }] : [];
  const buyer = messages.text('findTenders.card.buyer', { buyer: tender.buyer.name });
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: frenchTypography([example ? messages.text('findTenders.card.example') : '', tender.title, buyer, ...lines.map((line) => line.text), tender.noticeUrl ?? ''].filter(Boolean).join('\n')),
    body: [
      ...exampleMark,
      { type: 'TextBlock', text: frenchTypography(tender.title), weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: buyer, isSubtle: true, wrap: true, spacing: 'None' },
      ...lines.map((line) => ({ type: 'TextBlock', wrap: true, ...line })),
    ],
    actions,
  });
}

/**
 * The card after the results: "Plus de résultats" when there are more, and the place of the
 * alerts subscription (`subscribeAlerts`, posting "m'alerter", handled by the alerts dialog).
 */
export function resultsFooterCard(messages: Messages, from: number, to: number, hasMore: boolean): Attachment {
  const more = messages.text('findTenders.more');
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: messages.text('findTenders.footer', { from, to }),
    body: [{ type: 'TextBlock', text: messages.text('findTenders.footer', { from, to }), wrap: true, isSubtle: true }],
    actions: [...(hasMore ? [postText('moreResults', more, more)] : []), postText('subscribeAlerts', messages.text('findTenders.subscribeAlerts'), "m'alerter")],
  });
}
