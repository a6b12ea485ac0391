import { fill } from '../../knowledge/Messages';
import type { DigestRule } from './types';

/** The wording for a dossier being prepared: the digest tells firms what to do before the deposit. */
const STAGE = 'DEPOT';
const PLACEHOLDER = /\{\w+[},]/;

/** The month windows and limits of the settings (kbisMaxAgeMonths…), as the rules' texts name them. */
function settingVars(settings: object): Record<string, number> {
  return Object.fromEntries(Object.entries(settings).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

/** « {months} » of a rule with a month window: the setting it names, or its own figure. */
function windowVar(rule: DigestRule, vars: Record<string, number>): Record<string, number> {
  for (const use of rule.detect) {
    const setting = use.params?.setting;
    if (typeof setting === 'string' && vars[setting] !== undefined) return { months: vars[setting] };
    if (typeof use.params?.months === 'number') return { months: use.params.months };
  }
  return {};
}

/**
 * What the CCI proposes for a rule, outside any dossier: its remedy in the pre-deposit wording,
 * filled with the settings in force. A sentence that still needs a dossier's detail (a file name, a
 * date) is left out rather than shown with a raw placeholder; null when nothing is left.
 */
export function ruleRemedy(rule: DigestRule, settings: object): string | null {
  const template = typeof rule.remedy === 'string' ? rule.remedy : (rule.remedy[STAGE] ?? Object.values(rule.remedy)[0]);
  if (!template) return null;
  const vars = settingVars(settings);
  const filled = fill(template, { ...vars, ...windowVar(rule, vars) });
  if (!PLACEHOLDER.test(filled)) return filled.trim();
  const sentences = filled.split(/(?<=[.!?])\s+/).filter((sentence) => !PLACEHOLDER.test(sentence));
  return sentences.length > 0 ? sentences.join(' ').trim() : null;
}

/** Rule id → remedy, for the causes of the month. */
export function remediesOf(rules: readonly DigestRule[], settings: object): (ruleId: string) => string | null {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return (ruleId) => {
    const rule = byId.get(ruleId);
    return rule ? ruleRemedy(rule, settings) : null;
  };
}
