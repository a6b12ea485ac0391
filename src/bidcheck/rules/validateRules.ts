import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import localizeFr from 'ajv-i18n/localize/fr';
import { templateProblem } from '../../knowledge/Messages';
import { DETECTOR_REGISTRY, type ContractVocabulary, type Emission } from './registry';
import { GLOBAL_PLACEHOLDERS, messageKey, placeholdersOf, remedyText, wordings } from './ruleTexts';
import type { Condition, RuleRecord, RulesFile, StageText } from './types';

/** One thing wrong in a rule file, located like an editor shows it. */
export interface RuleProblem {
  file: string;
  path: string;
  what: string;
}

/** Context fields a condition's `contextHas` may name (BidContext, cli-contract.md §1). */
export const CONTEXT_PATHS = [
  'deadline', 'submittedAt', 'stage', 'procedure', 'nature', 'estimatedValue', 'submissionChannel', 'requirements',
  'requirements.signatureAtSubmission', 'requirements.candidatureForms', 'requirements.documents', 'requirements.minTurnover',
  'requirements.variantsAllowed', 'requirements.maxFileSizeMb', 'requirements.acceptedFormats', 'requirements.kbisMaxAgeMonths',
] as const;

// strictRequired off: "one of setting or months" is a oneOf of two "required" (the properties are declared one level up).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);

const list = (values: Iterable<string>) => [...values].map((value) => `« ${value} »`).join(', ');

function paramProblems(errors: ErrorObject[], file: string, base: string): RuleProblem[] {
  localizeFr(errors);
  return errors
    // A failed oneOf also reports each branch's "required": the oneOf line says it all.
    .filter((error) => !(error.keyword === 'required' && /\/oneOf\//.test(error.schemaPath) && errors.some((other) => other.keyword === 'oneOf')))
    .map((error) => {
      const extra = error.keyword === 'additionalProperties' ? ` : paramètre inconnu « ${String(error.params.additionalProperty)} »` : '';
      const allowed = error.keyword === 'enum' ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : '';
      const oneOf = error.keyword === 'oneOf' ? ' : donnez soit « setting » (un réglage de settings.json), soit « months », et un seul des deux' : '';
      return { file, path: `${base}${error.instancePath}`, what: `${error.message ?? 'invalide'}${extra}${allowed}${oneOf}.` };
    });
}

function conditionProblems(condition: Condition, vocabulary: ContractVocabulary, kinds: Set<string> | undefined, file: string, at: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  condition.required?.forEach((type, index) => {
    if (!vocabulary.documentTypes.includes(type)) problems.push({ file, path: `${at}/required/${index}`, what: `type de pièce inconnu « ${type} » (voir documents.json).` });
  });
  if (condition.contextHas && !(CONTEXT_PATHS as readonly string[]).includes(condition.contextHas)) {
    problems.push({ file, path: `${at}/contextHas`, what: `« ${condition.contextHas} » n'est pas une donnée du contexte (${CONTEXT_PATHS.join(', ')}).` });
  }
  if (condition.kind !== undefined) {
    const named = Array.isArray(condition.kind) ? condition.kind : [condition.kind];
    if (!kinds) problems.push({ file, path: `${at}/kind`, what: 'une condition « skipWhen » est vérifiée avant toute détection : elle ne peut pas porter sur un cas (« kind »).' });
    else for (const kind of named) if (!kinds.has(kind)) problems.push({ file, path: `${at}/kind`, what: `aucun détecteur de cette règle ne produit le cas « ${kind} » (cas produits : ${list(kinds)}).` });
  }
  if (condition.not) problems.push(...conditionProblems(condition.not, vocabulary, kinds, file, `${at}/not`));
  return problems;
}

function placeholderProblems(text: StageText, provided: Set<string>, kind: string, file: string, at: string): RuleProblem[] {
  const malformed = wordings(text)
    .map((template) => templateProblem(template, placeholdersOf(template)))
    .filter((problem): problem is string => problem !== undefined);
  if (malformed.length > 0) return [{ file, path: at, what: malformed[0]! }];
  const missing = [...new Set(wordings(text).flatMap(placeholdersOf))].filter((name) => !provided.has(name));
  return missing.map((name) => ({
    file,
    path: at,
    what: `« {${name}} » n'est rempli par aucun détecteur pour le cas « ${kind || 'default'} » (disponibles : ${list([...provided].map((p) => `{${p}}`))}).`,
  }));
}

/** The contract of one rule against its detectors: params, kinds, texts and their placeholders, conditions. */
function ruleProblems(rule: RuleRecord, vocabulary: ContractVocabulary, paramsValidator: (detector: string) => ValidateFunction, file: string, at: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const conditions: RuleProblem[] = [];
  const emitted = new Map<string, Emission>();
  rule.detect.forEach((use, index) => {
    const usePath = `${at}/detect/${index}`;
    const spec = DETECTOR_REGISTRY[use.detector];
    if (!spec) {
      problems.push({ file, path: `${usePath}/detector`, what: `« ${use.detector} » n'est pas un détecteur connu (${Object.keys(DETECTOR_REGISTRY).join(', ')}).` });
      return;
    }
    const params = use.params ?? {};
    const validate = paramsValidator(use.detector);
    if (!validate(params)) {
      problems.push(...paramProblems(validate.errors ?? [], file, `${usePath}/params`));
      return;
    }
    for (const [kind, emission] of Object.entries(spec.emits(params))) emitted.set(kind || use.kind || '', emission);
    use.skipWhen?.forEach((condition, c) => conditions.push(...conditionProblems(condition, vocabulary, undefined, file, `${usePath}/skipWhen/${c}`)));
  });
  // Without valid params the kinds a detector emits are unknown: the texts are checked once they are fixed.
  if (problems.length > 0) return [...problems, ...conditions];
  problems.push(...conditions);
  const kinds = new Set([...emitted.keys()].filter(Boolean));
  for (const [kind, emission] of emitted) {
    const provided = new Set([...emission.vars, ...GLOBAL_PLACEHOLDERS, ...(emission.file ? ['file'] : [])]);
    const key = messageKey(rule, kind || undefined);
    problems.push(...placeholderProblems(rule.message[key]!, provided, kind, file, `${at}/message/${key}`));
    const remedyPath = kind && rule.remedies?.[kind] ? `${at}/remedies/${kind}` : `${at}/remedy`;
    problems.push(...placeholderProblems(remedyText(rule, kind || undefined), provided, kind, file, remedyPath));
    problems.push(...placeholderProblems(rule.legal, provided, kind, file, `${at}/legal`));
  }
  for (const [field, texts] of [['message', rule.message], ['remedies', rule.remedies ?? {}]] as const) {
    for (const key of Object.keys(texts)) {
      if (key !== 'default' && !kinds.has(key)) problems.push({ file, path: `${at}/${field}/${key}`, what: `aucun détecteur de cette règle ne produit le cas « ${key} » : ce texte ne serait jamais montré (cas produits : ${kinds.size > 0 ? list(kinds) : 'aucun'}).` });
    }
  }
  rule.severity.cases?.forEach((entry, index) => problems.push(...conditionProblems(entry.when, vocabulary, kinds, file, `${at}/severity/cases/${index}/when`)));
  if (rule.automation === 'PARTIAL' && !rule.limitation) problems.push({ file, path: `${at}/limitation`, what: 'une règle PARTIAL doit dire ce qu’elle ne voit pas (« limitation ») : ce texte est montré avec ses constats.' });
  if (rule.automation === 'FULL' && rule.limitation) problems.push({ file, path: `${at}/automation`, what: 'une règle qui a une « limitation » est PARTIAL.' });
  if (placeholdersOf(rule.title).length > 0) problems.push({ file, path: `${at}/title`, what: 'le titre ne peut pas contenir de variable : il est lu sans constat (écrivez « trop ancienne » plutôt que la durée).' });
  return problems;
}

/** Every problem of the rule files at once (ids unique across files, each rule against its detectors). */
export function validateRules(rulesByFile: readonly [string, RulesFile][], vocabulary: ContractVocabulary): RuleProblem[] {
  // One compiled params schema per detector (15 rules name missingDocument), for this vocabulary.
  const compiled = new Map<string, ValidateFunction>();
  const paramsValidator = (detector: string): ValidateFunction => {
    let validate = compiled.get(detector);
    if (!validate) compiled.set(detector, (validate = ajv.compile(DETECTOR_REGISTRY[detector]!.params(vocabulary))));
    return validate;
  };
  const problems: RuleProblem[] = [];
  const seen = new Map<string, string>();
  for (const [file, content] of rulesByFile) {
    content.rules.forEach((rule, index) => {
      const at = `/rules/${index}`;
      const first = seen.get(rule.id);
      if (first) problems.push({ file, path: `${at}/id`, what: `« ${rule.id} » est en double (déjà dans ${first}).` });
      else seen.set(rule.id, file);
      problems.push(...ruleProblems(rule, vocabulary, paramsValidator, file, at));
    });
  }
  return problems;
}
