/**
 * The buyers' insights (issue 10): pure aggregations over the anonymous logs, each figure protected
 * against small numbers. The dashboard routes, the CSV exports and the digest use this entry only.
 */
export { addDays, isoWeekOfDay, monthOfDay, parisDay } from './calendar';
export { type CsvCell, type CsvTable, toCsv } from './csv';
export { gapsCsv, rejectionsCsv, satisfactionCsv, tenderInterestCsv } from './csvTables';
export { type ClusterOptions, clusterGaps, GAP_KINDS, type GapCluster, type GapClusters } from './gaps/clusterGaps';
export type { Lexicon } from './gaps/questionTerms';
export { faqContext, type InsightsKnowledge, InsightsService, type InsightsSources, type MonthFigures } from './InsightsService';
export { countText, groupsText, joinedLabels, kindLabel, monthLabel, signalLabel, weekLabel, weeksLabel } from './labels';
export { type Cut, cutOf, monthPeriod, type Period, type PeriodProblem, type PeriodResult, parsePeriod } from './period';
export { type RejectionCause, rejectionCauses, type RejectionOptions, type RejectionReport, type RejectionSpan, ruleTitles } from './rejectionCauses';
export { type SatisfactionReport, satisfactionByTopic, type TopicSatisfaction } from './satisfaction';
export { lowerFirst, rejectionSentence, shareText, simpleFraction } from './shareSentence';
export { exactOrNull, isExact, type LessThan, protectCounts, type ShownCount, type ShownGroup, SMALL_COUNT_LIMIT, showCount } from './smallNumbers';
export { type InterestOptions, type InterestSignal, mayFlag, type TenderForInterest, tenderInterest, type TenderInterestRow } from './tenderInterest';
export * from './types';
