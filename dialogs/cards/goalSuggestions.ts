import { ActionTypes, type CardAction } from 'botbuilder';
import type { Messages } from '../../src/knowledge/Messages';

/** Quick replies under a message: typed back as text, so the intent classifier routes them. */
export function goalSuggestions(messages: Messages): CardAction[] {
  return (['suggest.checkDossier', 'suggest.findTenders', 'suggest.askQuestion', 'suggest.contactClub'] as const).map((id) => {
    const text = messages.text(id);
    return { type: ActionTypes.ImBack, title: text, value: text };
  });
}
