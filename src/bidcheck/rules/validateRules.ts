import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { templateProblem } from '../../knowledge/Messages';
import { type KnowledgeProblem, problem } from '../../knowledge/problems';
import { createKnowledgeAjv, schemaProblems } from '../../knowledge/schemaErrors';
import { textProblems } from '../../knowledge/textChecks';
import { DETECTOR_REGISTRY, type ContractVocabulary, type Emission } from './registry';
import { GLOBAL_PLACEHOLDERS, messageKey, placeholdersOf, remedyText, wordings } from './ruleTexts';
import type { Condition, RuleRecord, RulesFile, StageText } from './types';

/** One thing wrong in a rule file, located like an editor shows it. */
export type RuleProblem = KnowledgeProblem;

/** Context fields a condition's `contextHas` may name (BidContext, cli-contract.md §1). */
export const CONTEXT_PATHS = [
  'deadline', 'submittedAt', 'stage', 'procedure', 'nature', 'estimatedValue', 'submissionChannel', 'requirements',
  'requirements.signatureAtSubmission', 'requirements.candidatureForms', 'requirements.documents', 'requirements.minTurnover',
  'requirements.variantsAllowed', 'requirements.maxFileSizeMb', 'requirements.acceptedFormats', 'requirements.kbisMaxAgeMonths',
] as const;

// strictRequired off: "one of setting or months" is a oneOf of two "required" (the properties are declared one level up).
const ajv = createKnowledgeAjv({ strictRequired: false });

const list = (values: Iterable<string>) => [...values].map((value) => `« ${value} »`).join(', ');

function paramProblems(errors: ErrorObject[], file: string, base: string): RuleProblem[] {
  // The one oneOf of the params schemas is "setting or months"; its branches' "required" say nothing more.
  const oneOf = errors.filter((error) => error.keyword === 'oneOf');
  const others = errors.filter((error) => error.keyword !== 'oneOf' && !(error.keyword === 'required' && /\/oneOf\//.test(error.schemaPath)));
  return [
    ...schemaProblems(others, file, base, { noun: { word: 'paramètre', feminine: false } }),
    ...oneOf.map((error) => problem(file, `${base}${error.instancePath}`, 'la durée de la fenêtre n’est pas donnée une et une seule fois', 'donnez soit « setting » (un réglage de settings.json), soit « months », et un seul des deux')),
  ];
}

function conditionProblems(condition: Condition, vocabulary: ContractVocabulary, kinds: Set<string> | undefined, file: string, at: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  condition.required?.forEach((type, index) => {
    if (!vocabulary.documentTypes.includes(type)) problems.push(problem(file, `${at}/required/${index}`, `type de pièce inconnu « ${type} »`, `écrivez l’un des codes de documents.json (${vocabulary.documentTypes.join(', ')})`));
  });
  if (condition.contextHas && !(CONTEXT_PATHS as readonly string[]).includes(condition.contextHas)) {
    problems.push(problem(file, `${at}/contextHas`, `« ${condition.contextHas} » n'est pas une donnée du contexte`, `écrivez l’une de celles-ci : ${CONTEXT_PATHS.join(', ')}`));
  }
  if (condition.kind !== undefined) {
    const named = Array.isArray(condition.kind) ? condition.kind : [condition.kind];
    if (!kinds) problems.push(problem(file, `${at}/kind`, 'une condition « skipWhen » est vérifiée avant toute détection : elle ne peut pas porter sur un cas (« kind »)', 'retirez « kind » de cette condition, ou mettez-la dans severity.cases'));
    else for (const kind of named) if (!kinds.has(kind)) problems.push(problem(file, `${at}/kind`, `aucun détecteur de cette règle ne produit le cas « ${kind} »`, `écrivez l’un des cas produits : ${kinds.size > 0 ? list(kinds) : 'aucun (retirez la condition)'}`));
  }
  if (condition.not) problems.push(...conditionProblems(condition.not, vocabulary, kinds, file, `${at}/not`));
  return problems;
}

function placeholderProblems(text: StageText, provided: Set<string>, kind: string, file: string, at: string): RuleProblem[] {
  const malformed = wordings(text)
    .map((template) => templateProblem(template, placeholdersOf(template)))
    .filter((problem): problem is string => problem !== undefined);
  if (malformed.length > 0) return [problem(file, at, malformed[0]!.replace(/\.$/, ''), 'corrigez la forme plurielle : {nombre, plural, one {…} other {…}}')];
  const missing = [...new Set(wordings(text).flatMap(placeholdersOf))].filter((name) => !provided.has(name));
  return missing.map((name) =>
    problem(file, at, `« {${name}} » n'est rempli par aucun détecteur pour le cas « ${kind || 'default'} »`, `n’utilisez que les variables disponibles : ${list([...provided].map((p) => `{${p}}`))}`),
  );
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
      problems.push(problem(file, `${usePath}/detector`, `« ${use.detector} » n'est pas un détecteur connu (${Object.keys(DETECTOR_REGISTRY).join(', ')})`, 'corrigez le nom : un détecteur est du code, une règle ne peut nommer que ceux de cette liste'));
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
      if (key !== 'default' && !kinds.has(key)) problems.push(problem(file, `${at}/${field}/${key}`, `aucun détecteur de cette règle ne produit le cas « ${key} » : ce texte ne serait jamais montré`, `nommez l’un des cas produits (${kinds.size > 0 ? list(kinds) : 'aucun'}) ou retirez ce texte`));
    }
  }
  rule.severity.cases?.forEach((entry, index) => problems.push(...conditionProblems(entry.when, vocabulary, kinds, file, `${at}/severity/cases/${index}/when`)));
  if (rule.automation === 'PARTIAL' && !rule.limitation) problems.push(problem(file, `${at}/limitation`, 'une règle PARTIAL doit dire ce qu’elle ne voit pas (« limitation »)', 'ajoutez « limitation » : ce texte est montré avec ses constats'));
  if (rule.automation === 'FULL' && rule.limitation) problems.push(problem(file, `${at}/automation`, 'une règle qui a une « limitation » est PARTIAL', 'écrivez "automation": "PARTIAL", ou retirez la limitation'));
  if (placeholdersOf(rule.title).length > 0) problems.push(problem(file, `${at}/title`, 'le titre ne peut pas contenir de variable : il est lu sans constat', 'écrivez « trop ancienne » plutôt que la durée'));
  const { detect: _detect, severity: _severity, ...texts } = rule;
  problems.push(...textProblems(file, texts, at));
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
      if (first) problems.push(problem(file, `${at}/id`, `« ${rule.id} » est en double (déjà dans ${first})`, 'donnez à cette règle un identifiant nouveau : les statistiques des refus y renvoient'));
      else seen.set(rule.id, file);
      problems.push(...ruleProblems(rule, vocabulary, paramsValidator, file, at));
    });
  }
  return problems;
}
