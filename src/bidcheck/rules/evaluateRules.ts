import { fill } from '../../knowledge/Messages';
import { DETECTOR_REGISTRY } from './registry';
import { ruleTexts } from './ruleTexts';
import type { Condition, DossierView, Finding, Hit, RuleRecord } from './types';

function contextValue(view: DossierView, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], view.context);
}

/** Does a condition hold for this context (and, for `kind`, this hit)? Every key present must hold. */
export function holds(condition: Condition, view: DossierView, hit?: Hit): boolean {
  const { context, settings } = view;
  if (condition.stage && context.stage !== condition.stage) return false;
  if (condition.nature && context.nature !== condition.nature) return false;
  if (condition.procedure && context.procedure !== condition.procedure) return false;
  if (condition.signatureRequired !== undefined && (context.requirements?.signatureAtSubmission === true) !== condition.signatureRequired) return false;
  if (condition.required && !condition.required.some((type) => context.requirements?.documents?.includes(type))) return false;
  if (condition.contextHas && contextValue(view, condition.contextHas) === undefined) return false;
  if (condition.kind !== undefined) {
    const kinds = Array.isArray(condition.kind) ? condition.kind : [condition.kind];
    if (!hit?.kind || !kinds.includes(hit.kind)) return false;
  }
  if (condition.belowElectronicThreshold !== undefined) {
    const threshold = context.nature ? settings.electronicThresholds[context.nature] : undefined;
    const below = threshold !== undefined && context.estimatedValue !== undefined && context.estimatedValue < threshold;
    if (below !== condition.belowElectronicThreshold) return false;
  }
  if (condition.variantsAllowed !== undefined && context.requirements?.variantsAllowed !== condition.variantsAllowed) return false;
  if (condition.not && holds(condition.not, view, hit)) return false;
  return true;
}

function toFinding(rule: RuleRecord, view: DossierView, hit: Hit): Finding {
  const severity = rule.severity.cases?.find((entry) => holds(entry.when, view, hit))?.severity ?? rule.severity.default;
  const texts = ruleTexts(rule, view, hit);
  return {
    rule: rule.id,
    severity,
    ...(hit.file ? { file: hit.file } : {}),
    ...texts,
    ...(rule.automation === 'PARTIAL' && rule.limitation ? { limitation: fill(rule.limitation, {}) } : {}),
    ...(rule.rcDependent && !view.context.requirements ? { rcUnknown: true } : {}),
  };
}

/**
 * Runs every rule of the knowledge over the dossier. A rule is data: detectors that find facts,
 * conditions that skip it or set its severity, and French texts; this function only wires them.
 * The rules were checked against their detectors' contracts at load (validateRules).
 */
export function evaluateRules(rules: readonly RuleRecord[], view: DossierView): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    // A retired rule stays in the knowledge for the statistics' titles; it never finds anything.
    if (rule.retired) continue;
    const seen = new Set<string>();
    for (const use of rule.detect) {
      if (use.skipWhen?.some((condition) => holds(condition, view))) continue;
      const spec = DETECTOR_REGISTRY[use.detector];
      if (!spec) throw new Error(`Rule ${rule.id} names detector ${use.detector}, which is not registered (load-time validation skipped?)`);
      const params = use.params ?? {};
      const emitted = spec.emits(params);
      for (const raw of spec.run(view, params)) {
        if (!((raw.kind ?? '') in emitted)) throw new Error(`Detector ${use.detector} emitted kind "${raw.kind ?? ''}" that its contract does not declare`);
        const hit: Hit = { ...raw, kind: raw.kind ?? use.kind };
        const key = `${hit.file ?? ''}|${hit.kind ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(toFinding(rule, view, hit));
      }
    }
  }
  return findings;
}
