import { monthOfDay, parisDay } from '../calendar';
import { answeredBy } from '../gapAnswers/answeredBy';
import type { MonthFigures } from '../InsightsService';
import { monthLabel } from '../labels';
import { isExact, type ShownCount } from '../smallNumbers';
import type { TenderInterestRow } from '../tenderInterest';
import type { Block, DigestDocument } from './document';
import { figuresSection, weeksChart } from './figuresSection';
import { frenchDate } from './format';
import { gapsSection } from './gapsSection';
import { rejectionsSection } from './rejectionsSection';
import { remediesOf } from './ruleRemedy';
import { satisfactionSection } from './satisfactionSection';
import { flaggedTenders, tendersSection } from './tendersSection';
import { testimoniesSection } from './testimoniesSection';
import type { DigestKnowledge, Testimony } from './types';

export interface DigestInputs {
  figures: MonthFigures;
  /** Interest of the flagged tenders found in the catalogue. */
  tenderRows: readonly TenderInterestRow[];
  /** The month's testimonies; undefined when there is no testimony source at all. */
  testimonies: readonly Testimony[] | undefined;
  knowledge: DigestKnowledge;
  now: Date;
}

const isZero = (count: ShownCount): boolean => isExact(count) && count === 0;

/** The club's monthly digest as blocks of final French text: what the PDF shows, in order. */
export function buildDigest({ figures, tenderRows, testimonies, knowledge, now }: DigestInputs): DigestDocument {
  const { messages, faq } = knowledge;
  const month = monthLabel(figures.month);
  const today = parisDay(now);
  const subtitle = [
    messages.text('insights.digest.subtitle', { month, date: frenchDate(now) }),
    ...(today && monthOfDay(today) === figures.month ? [messages.text('insights.digest.partialMonth', { date: frenchDate(now) })] : []),
  ];
  const flagged = flaggedTenders(figures.flags).length;
  const empty = isZero(figures.gaps.total) && isZero(figures.rejections.checks) && isZero(figures.satisfaction.overall.total) && flagged === 0 && !testimonies?.length;
  const method: Block = { kind: 'paragraph', text: messages.text('insights.digest.method'), muted: true };
  const blocks: Block[] = empty
    ? [{ kind: 'paragraph', text: messages.text('insights.digest.empty', { month }) }, method]
    : [
        ...figuresSection(messages, { checks: figures.rejections.checks, gaps: figures.gaps.total, satisfaction: figures.satisfaction, flaggedTenders: flagged, testimonies: testimonies?.length ?? 0 }, testimonies !== undefined),
        ...optionalChart(weeksChart(messages, figures.gaps)),
        ...gapsSection(messages, figures.gaps, knowledge.topicTitles, faq ? (question) => answeredBy(faq, question) : undefined),
        ...rejectionsSection(messages, figures.rejections, remediesOf(knowledge.rules, knowledge.checkSettings)),
        ...satisfactionSection(messages, figures.satisfaction, knowledge.topicTitles),
        ...tendersSection(messages, figures.flags, tenderRows),
        ...(testimonies !== undefined ? testimoniesSection(messages, testimonies) : []),
        method,
      ];
  return {
    title: messages.text('insights.digest.title', { month }),
    subtitle,
    author: messages.text('insights.digest.author'),
    createdAt: now,
    blocks,
    pageLabel: (page, pages) => messages.text('insights.digest.page', { month, page, pages }),
  };
}

function optionalChart(chart: ReturnType<typeof weeksChart>): Block[] {
  return chart ? [{ kind: 'chart', chart }] : [];
}
