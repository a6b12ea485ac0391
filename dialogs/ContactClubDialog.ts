import { ActionTypes, type CardAction, MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { contactForSituation, contactForTender, type Directory, upcomingEvents } from '../src/contacts';
import { describeChannel } from '../src/contacts/contacts';
import type { MatchText } from '../src/tenders/match/fit';
import type { PlainMessageId } from '../src/knowledge/messageIds';
import { baseFold } from '../src/text/baseFold';
import type { DialogServices } from './DialogServices';
import { GOAL_DIALOG } from './dialogIds';
import { noteInterest } from './tenderInterest';

export interface ContactClubOptions {
  /** What the SME wrote: a situation ("la mairie ne me paie pas"), events, or just "contacter le club". */
  text?: string;
  /** "Contacter l'acheteur" on a result card. */
  tenderId?: string;
}

const FLOW = 'contactClubFlow';
const EVENTS = /\b(evenements?|evenement|agenda|rencontres? d affaires|cible affaires|reunions?|salons?|ateliers?|prochaines? dates?|calendrier|manifestations?)\b/;
const MAX_EVENTS = 6;
/** "contacter le club", "joindre la CCI": no situation said, so the menu, not a guess. */
const GENERIC = /^\s*(?:je veux |je voudrais )?(?:contacter|joindre|contact|coordonnees|parler a)\s+(?:du |de la |le |la |l |un |une )?(?:club|cci|ha30|club ha30|cci gard|conseiller|quelqu un)(?: de nimes| du gard)?\s*$/;
const MENU: readonly PlainMessageId[] = ['contactClub.choice.events', 'contactClub.choice.payment', 'contactClub.choice.learn', 'contactClub.choice.meet'];

/**
 * Goal "Contacter le club HA30 / la CCI": the buyer of a tender (its organisation-level channel),
 * the right body for a situation (payment delay → Médiateur des entreprises, learning → CCI), and
 * the club's upcoming events. Only organisations' channels, never a person's.
 */
export class ContactClubDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(GOAL_DIALOG.CONTACT_CLUB);
    this.addDialog(new WaterfallDialog(FLOW, [this.answerStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as ContactClubOptions;
    const { context } = step;
    if (options.tenderId) await this.buyer(context, options.tenderId);
    else if (options.text && EVENTS.test(foldWords(options.text))) await this.events(context);
    else if (!options.text || GENERIC.test(foldWords(options.text)) || !(await this.situation(context, options.text))) await this.menu(context);
    return step.endDialog();
  }

  private async buyer(context: TurnContext, tenderId: string): Promise<void> {
    const { tenders, directory, messages } = this.services;
    const tender = tenders.get(tenderId);
    if (!tender) {
      await context.sendActivity(messages.text('findTenders.tenderGone'));
      return;
    }
    const contact = contactForTender(tender, directory, textOf(messages));
    const lines = [messages.text('contactClub.buyer', { title: tender.title, organisation: contact.organisation, channel: contact.channel })];
    if (contact.clubMember) lines.push(messages.text('contactClub.buyerMember', { how: contact.howToApproach ?? '' }).trim());
    if (tender.status === 'PUBLISHED') lines.push(messages.text('contactClub.buyerRule'));
    await context.sendActivity(lines.join('\n\n'));
    // Asking for the buyer of a tender is taking it up, as much as reading its notice.
    await noteInterest(this.services.interest, context, 'OPENED', [tender]);
  }

  private async situation(context: TurnContext, text: string): Promise<boolean> {
    const { directory, messages } = this.services;
    const found = contactForSituation(text, directory);
    if (!found) return false;
    const list = found.contacts.map((contact) => messages.text('contactClub.contactEntry', { organisation: contact.organisation.name, channel: describeChannel(contact.channel, textOf(messages)) })).join('\n');
    const parts = [messages.text('contactClub.situation', { label: found.situation.label, answer: found.answer })];
    if (list) parts.push(messages.text('contactClub.contactsTitle', { list }));
    await context.sendActivity(parts.join('\n\n'));
    return true;
  }

  private async events(context: TurnContext): Promise<void> {
    const { directory, messages } = this.services;
    const events = upcomingEvents(new Date(), directory, textOf(messages)).slice(0, MAX_EVENTS);
    if (!events.length) {
      await context.sendActivity(messages.text('contactClub.noEvents'));
      return;
    }
    const list = events
      .map(({ event, when, organiser, dateUncertain }) =>
        messages.text('contactClub.eventEntry', {
          title: event.title,
          when: dateUncertain && !event.date ? messages.text('contactClub.eventUndated', { note: when }) : when,
          place: event.place,
          organiser: organiser ? messages.text('contactClub.eventOrganiser', { name: organiser }) : '',
          registration: [event.registration.how, event.registration.url].filter(Boolean).join(' — '),
        }),
      )
      .join('\n');
    await context.sendActivity(messages.text('contactClub.events', { list }));
  }

  private async menu(context: TurnContext): Promise<void> {
    const { messages } = this.services;
    const actions: CardAction[] = MENU.map((id) => {
      const title = messages.text(id);
      return { type: ActionTypes.ImBack, title, value: title };
    });
    await context.sendActivity(messages.text('contactClub.text'));
    await context.sendActivity(MessageFactory.suggestedActions(actions, `${messages.text('contactClub.intro')}\n\n${messages.text('contactClub.privacy')}`));
  }
}

/**
 * A message the intent model leaves unclassified but that names a situation the directory knows
 * ("la mairie ne me paie pas", "un retard de paiement") or asks for events: a contact request.
 */
export function isContactRequest(text: string, directory: Directory): boolean {
  return EVENTS.test(foldWords(text)) || contactForSituation(text, directory) !== undefined;
}

function foldWords(text: string): string {
  return baseFold(text).replace(/[^a-z0-9]+/g, ' ');
}

/** The chat's texts for the contacts' wording (knowledge/messages.json). */
function textOf(messages: DialogServices['messages']): MatchText {
  return (id, ...params) => messages.text(id, ...params);
}
