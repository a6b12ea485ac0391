import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { Messages } from '../knowledge/Messages';
import { ALERTS_OFF_VALUE } from './alertCommands';
import type { AlertBatch, AlertItem } from './types';

/** Tenders listed in one message; the others are counted ("et 3 autres"). */
export const MAX_CARD_ITEMS = 8;

const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const PARIS_MONTH = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', month: 'long', year: 'numeric' });

/** "lundi 22 septembre 2026, 18:00" — deadlines are read in Paris time, where the SME is. */
export function parisDeadline(iso: string): string {
  const at = new Date(iso);
  return `${PARIS_DATE.format(at)}, ${PARIS_TIME.format(at)}`;
}

function when(item: AlertItem, messages: Messages): string {
  if (item.upcoming && item.expectedPublicationDate) return messages.text('alerts.card.expected', { date: PARIS_MONTH.format(new Date(item.expectedPublicationDate)) });
  return item.deadlineAt ? messages.text('alerts.card.deadline', { date: parisDeadline(item.deadlineAt) }) : messages.text('alerts.card.noDeadline');
}

/** The Adaptive Card 1.5 of a batch: each tender (title, buyer, deadline, link), then "Arrêter les alertes". */
export function alertCard(batch: AlertBatch, messages: Messages) {
  const shown = batch.items.slice(0, MAX_CARD_ITEMS);
  const stop = messages.text('alerts.stopCommand');
  const body: Record<string, unknown>[] = [{ type: 'TextBlock', text: messages.text('alerts.card.title'), size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' }];
  for (const item of shown) {
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: item.title, weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: messages.text('alerts.card.buyer', { name: item.buyer }), wrap: true, spacing: 'Small' },
        { type: 'TextBlock', text: when(item, messages), wrap: true, spacing: 'Small', isSubtle: true },
        ...(item.url ? [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: messages.text('alerts.card.open'), url: item.url }] }] : []),
      ],
    });
  }
  if (batch.items.length > shown.length) body.push({ type: 'TextBlock', text: messages.text('alerts.more', { count: batch.items.length - shown.length }), wrap: true, spacing: 'Medium' });
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    body,
    actions: [
      {
        type: 'Action.Submit',
        title: messages.text('alerts.card.stop'),
        // Teams posts the text (imBack); Web Chat posts the value, which the root dialog recognises.
        data: { ...ALERTS_OFF_VALUE, msteams: { type: 'imBack', value: stop } },
      },
    ],
  });
}

/** The proactive message: a short French text (which lists the tenders for channels without cards) and the card. */
export function alertActivity(batch: AlertBatch, messages: Messages): Partial<Activity> {
  const lines = [
    messages.text('alerts.intro', { count: batch.items.length }),
    ...batch.items.slice(0, MAX_CARD_ITEMS).map((item) => messages.text('alerts.textItem', { title: item.title, buyer: item.buyer, when: when(item, messages) })),
  ];
  return MessageFactory.attachment(alertCard(batch, messages), lines.join('\n'));
}
