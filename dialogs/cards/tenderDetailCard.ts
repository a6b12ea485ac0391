import { type Attachment, CardFactory } from 'botbuilder';
import type { Messages } from '../../src/knowledge/Messages';
import { isOpenAt, type Tender, type TenderNature } from '../../src/tenders';
import { frenchTypography } from '../../src/text/frenchTypography';
import { tenderGoalActions, valueText, whenText } from './tenderCards';

/** Past this, the description is cut on a word: the notice has the rest, and Teams cards stay small. */
export const DESCRIPTION_MAX_CHARS = 700;
/** Lots listed by title; the others are counted. */
export const MAX_LOTS = 6;

const NATURE_WORDS: Record<TenderNature, 'checkDossier.context.travaux' | 'checkDossier.context.fournitures' | 'checkDossier.context.services'> = {
  TRAVAUX: 'checkDossier.context.travaux',
  FOURNITURES: 'checkDossier.context.fournitures',
  SERVICES: 'checkDossier.context.services',
};

/** `text` cut at the last space before `max` characters, with an ellipsis when cut. */
export function cutOnWord(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function facts(tender: Tender, messages: Messages, now: Date): string[] {
  const lines = [whenText(tender, messages, now), valueText(tender, messages)];
  if (!isOpenAt(tender, now)) lines.unshift(messages.text('findTenders.detail.closed'));
  if (tender.town) lines.push(messages.text('findTenders.card.place', { place: tender.town }));
  if (tender.nature) lines.push(messages.text('findTenders.detail.nature', { nature: messages.text(NATURE_WORDS[tender.nature]) }));
  if (tender.procedure) lines.push(messages.text('findTenders.detail.procedure', { procedure: tender.procedure }));
  if (tender.durationMonths) lines.push(messages.text('findTenders.detail.duration', { count: tender.durationMonths }));
  const clauses = [
    ...(tender.socialClause ? [messages.text('findTenders.detail.clause.social')] : []),
    ...(tender.environmentalClause ? [messages.text('findTenders.detail.clause.environmental')] : []),
    ...(tender.reserved ? [messages.text('findTenders.detail.clause.reserved')] : []),
  ];
  if (clauses.length) lines.push(messages.text('findTenders.detail.clauses', { list: clauses.join(', ') }));
  return lines;
}

function lotLines(tender: Tender, messages: Messages): string[] {
  if (tender.lots.length === 0) return [];
  const shown = tender.lots.slice(0, MAX_LOTS).map((lot) => messages.text('findTenders.detail.lot', { number: lot.number, title: cutOnWord(lot.title, 160) }));
  const more = tender.lots.length - shown.length;
  return [messages.text('findTenders.detail.lots', { count: tender.lots.length }), ...shown, ...(more > 0 ? [messages.text('findTenders.detail.moreLots', { count: more })] : [])];
}

/**
 * What « Voir le détail et l'avis » brings: the result card's facts with what did not fit (nature,
 * procedure, duration, clauses, lots, the start of the description), the links to the official
 * notice and the buyer's platform, and the same next steps.
 */
export function tenderDetailCard(tender: Tender, messages: Messages, now: Date, example: boolean): Attachment {
  const buyer = messages.text('findTenders.card.buyer', { buyer: tender.buyer.name });
  const description = tender.description ? cutOnWord(tender.description, DESCRIPTION_MAX_CHARS) : undefined;
  const lines = [...facts(tender, messages, now), ...lotLines(tender, messages)];
  const links: object[] = [];
  if (tender.noticeUrl) links.push({ type: 'Action.OpenUrl', id: 'openNotice', title: messages.text('findTenders.card.notice'), url: tender.noticeUrl });
  if (tender.buyerProfileUrl) links.push({ type: 'Action.OpenUrl', id: 'openBuyerProfile', title: messages.text('findTenders.detail.buyerProfile'), url: tender.buyerProfileUrl });
  const noNotice = tender.noticeUrl ? [] : [messages.text(tender.status === 'UPCOMING' ? 'findTenders.detail.notPublished' : 'findTenders.detail.noNotice')];
  const exampleMark = example ? [messages.text('findTenders.card.example')] : [];
  const typeset = (text: string) => frenchTypography(text);
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: typeset([...exampleMark, tender.title, buyer, ...lines, description ?? '', ...noNotice, tender.noticeUrl ?? '', tender.buyerProfileUrl ?? ''].filter(Boolean).join('\n')),
    body: [
      ...exampleMark.map((text) => ({ type: 'TextBlock', text, color: 'Warning', weight: 'Bolder', size: 'Small', wrap: true })),
      { type: 'TextBlock', text: typeset(tender.title), weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: typeset(buyer), isSubtle: true, wrap: true, spacing: 'None' },
      ...lines.map((text) => ({ type: 'TextBlock', text: typeset(text), wrap: true, spacing: 'Small' })),
      ...(description ? [{ type: 'TextBlock', text: typeset(description), wrap: true, size: 'Small', separator: true }] : []),
      ...noNotice.map((text) => ({ type: 'TextBlock', text: typeset(text), wrap: true, isSubtle: true })),
    ],
    actions: [...links, ...tenderGoalActions(tender, messages)],
  });
}
