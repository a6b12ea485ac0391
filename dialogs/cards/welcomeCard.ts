import { type Attachment, CardFactory } from 'botbuilder';
import type { Messages } from '../../src/knowledge/Messages';
import { frenchTypography } from '../../src/text/frenchTypography';
import type { Goal } from '../../src/knowledge/types';
import type { GoalSubmit } from '../dialogIds';

/** The welcome Adaptive Card: schema 1.5 so that Teams renders it as Web Chat does. */
export function welcomeCard(messages: Messages, goals: readonly Goal[]): Attachment {
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    speak: messages.text('welcome.textFallback'),
    body: [
      { type: 'TextBlock', text: messages.text('welcome.title'), size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: messages.text('welcome.text'), wrap: true },
      { type: 'TextBlock', text: messages.text('welcome.prompt'), wrap: true, weight: 'Bolder', spacing: 'Medium' },
      { type: 'TextBlock', text: messages.text('welcome.privacy'), wrap: true, size: 'Small', isSubtle: true, spacing: 'Medium' },
    ],
    actions: goals.map((goal) => ({
      type: 'Action.Submit',
      title: frenchTypography(goal.title),
      data: { ha30Goal: goal.id } satisfies GoalSubmit,
    })),
  });
}
