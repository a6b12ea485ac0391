import { type Attachment, CardFactory } from 'botbuilder';
import type { Messages } from '../../src/knowledge/Messages';
import type { FaqAnswer } from '../../src/faq/types';
import { frenchTypography } from '../../src/text/frenchTypography';
import type { FaqSubmit } from './faqSubmit';

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

function submit(id: string, title: string, data: FaqSubmit) {
  return { type: 'Action.Submit', id, title: frenchTypography(title), data };
}

function text(value: string, extra: Record<string, unknown> = {}) {
  return { type: 'TextBlock', text: frenchTypography(value), wrap: true, ...extra };
}

/**
 * « Plus de détails », opened in place (Action.ShowCard works in Web Chat and Teams, with no round
 * trip): the paragraphs, the legal references, what the sources do not confirm, and the official links.
 */
function detailsCard(answer: FaqAnswer, messages: Messages) {
  return {
    type: 'AdaptiveCard',
    body: [
      ...answer.details.map((paragraph) => text(paragraph)),
      ...answer.uncertain.map((note) => text(messages.text('faq.card.uncertain', { note }), { color: 'Warning', spacing: 'Medium' })),
      text(messages.text('faq.card.legal', { list: answer.legal.join(' ; ') }), { isSubtle: true, size: 'Small', spacing: 'Medium' }),
    ],
    actions: answer.links.map((link, index) => ({ type: 'Action.OpenUrl', id: `faqLink${index + 1}`, title: frenchTypography(link.label), url: link.url })),
  };
}

/** Everything the card says, for a client that cannot show cards. */
function fallbackText(answer: FaqAnswer, messages: Messages): string {
  return frenchTypography(
    [answer.title, ...answer.details, ...answer.uncertain.map((note) => messages.text('faq.card.uncertain', { note })), messages.text('faq.card.legal', { list: answer.legal.join(' ; ') }), ...answer.links.map((link) => `${link.label} : ${link.url}`)].join('\n\n'),
  );
}

/**
 * The card under an answer's short text (version 1.5, as the tender cards, so that Teams shows it as
 * Web Chat does): « Plus de détails », the related topics as buttons (a click answers that topic)
 * and « Cette réponse vous a aidé ? Oui / Non ». Buttons carry the answer's reference, not the question.
 */
export function faqAnswerCard(answer: FaqAnswer, ref: number, messages: Messages): Attachment {
  const related = answer.related.map((topic, index) => submit(`faqRelated${index + 1}`, topic.title, { ha30Faq: 'topic', topic: topic.id }));
  return CardFactory.adaptiveCard({
    $schema: SCHEMA,
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: fallbackText(answer, messages),
    body: [
      text(answer.title, { weight: 'Bolder', size: 'Medium', style: 'heading' }),
      { type: 'ActionSet', actions: [{ type: 'Action.ShowCard', id: 'faqDetails', title: messages.text('faq.card.details'), card: detailsCard(answer, messages) }] },
      ...(related.length ? [text(messages.text('faq.card.related'), { isSubtle: true, spacing: 'Medium' }), { type: 'ActionSet', actions: related }] : []),
      text(messages.text('faq.card.helpful'), { weight: 'Bolder', spacing: 'Medium' }),
      {
        type: 'ActionSet',
        actions: [
          submit('faqHelpful', messages.text('faq.card.yes'), { ha30Faq: 'feedback', ref, topic: answer.id, helpful: true }),
          submit('faqNotHelpful', messages.text('faq.card.no'), { ha30Faq: 'feedback', ref, topic: answer.id, helpful: false }),
        ],
      },
    ],
  });
}

/** « Votre question porte-t-elle sur… ? » with the two topics the classifier hesitates between, and « Aucun des deux ». */
export function faqChoiceCard(topics: readonly { id: string; title: string }[], ref: number, messages: Messages): Attachment {
  return CardFactory.adaptiveCard({
    $schema: SCHEMA,
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: frenchTypography([messages.text('faq.choose.prompt'), ...topics.map((topic) => topic.title)].join('\n')),
    body: [
      text(messages.text('faq.choose.prompt')),
      {
        type: 'ActionSet',
        actions: [...topics.map((topic, index) => submit(`faqChoice${index + 1}`, topic.title, { ha30Faq: 'topic', topic: topic.id, ref })), submit('faqChoiceNone', messages.text('faq.choose.none'), { ha30Faq: 'none', ref })],
      },
    ],
  });
}
