import { fill, templatePlaceholders } from '../../knowledge/Messages';
import type { Stage } from '../types';
import type { DossierView, Hit, RuleRecord, StageText } from './types';

/**
 * Placeholders every text of a rule may use, whatever its detector: the windows of settings.json
 * (as the RC may override them), so that a remedy never hard-codes "3 mois" while the setting says 4.
 */
export const GLOBAL_PLACEHOLDERS = ['kbisMaxAgeMonths', 'urssafMaxAgeMonths', 'fiscalMaxAgeMonths', 'foreignWorkersMaxAgeMonths', 'maxFileSizeMb', 'largePliMb', 'lateWarningHours'] as const;

function globalVars(view: DossierView): Record<string, number> {
  const { settings, context } = view;
  return {
    kbisMaxAgeMonths: context.requirements?.kbisMaxAgeMonths ?? settings.kbisMaxAgeMonths,
    urssafMaxAgeMonths: settings.urssafMaxAgeMonths,
    fiscalMaxAgeMonths: settings.fiscalMaxAgeMonths,
    foreignWorkersMaxAgeMonths: settings.foreignWorkersMaxAgeMonths,
    maxFileSizeMb: context.requirements?.maxFileSizeMb ?? settings.maxFileSizeMb,
    largePliMb: settings.largePliMb,
    lateWarningHours: settings.lateWarningHours,
  };
}

/** The message key a hit of this kind is told with: its own when the rule has one, else "default". */
export const messageKey = (rule: Pick<RuleRecord, 'message'>, kind: string | undefined): string => (kind && rule.message[kind] !== undefined ? kind : 'default');

/** The remedy a hit of this kind gets: its own in `remedies`, else the rule's `remedy`. */
export const remedyText = (rule: Pick<RuleRecord, 'remedy' | 'remedies'>, kind: string | undefined): StageText => (kind && rule.remedies?.[kind]) || rule.remedy;

export const atStage = (text: StageText, stage: Stage): string => (typeof text === 'string' ? text : text[stage]);

/** Every wording of a text (both stages), for load-time checks. */
export const wordings = (text: StageText): string[] => (typeof text === 'string' ? [text] : Object.values(text));

/** The placeholders a template uses (plural counts included). */
export const placeholdersOf = (template: string): string[] => templatePlaceholders(template);

/** Message, legal basis and remedy of one hit, in the wording of the dossier's stage, filled. */
export function ruleTexts(rule: RuleRecord, view: DossierView, hit: Hit): { message: string; legal: string; remedy: string } {
  const vars = { ...globalVars(view), file: hit.file?.split('/').pop() ?? '', ...hit.vars };
  const stage = view.context.stage;
  return {
    message: fill(atStage(rule.message[messageKey(rule, hit.kind)]!, stage), vars),
    legal: fill(rule.legal, vars),
    remedy: fill(atStage(remedyText(rule, hit.kind), stage), vars),
  };
}
