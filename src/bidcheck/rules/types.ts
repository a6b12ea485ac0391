import type { DocumentFacts } from '../facts/documentFacts';
import type { BidContext, CheckedFile, DocumentType, Severity, Stage } from '../types';

/** Figures the CCI may change without a developer (knowledge/rules/settings.json). */
export interface CheckSettings {
  kbisMaxAgeMonths: number;
  urssafMaxAgeMonths: number;
  fiscalMaxAgeMonths: number;
  foreignWorkersMaxAgeMonths: number;
  maxFileSizeMb: number;
  largePliMb: number;
  lateWarningHours: number;
  electronicThresholds: { TRAVAUX: number; FOURNITURES: number; SERVICES: number };
  turnoverCapRatio: number;
  nameSimilarityThreshold: number;
  documentLabels: Record<string, string>;
  /** File-name hints of each type (documents.json), folded. */
  fileNameHints: Record<string, string[]>;
}

/** A condition on the context or on what a detector found (all keys must hold). */
export interface Condition {
  stage?: Stage;
  nature?: string;
  procedure?: string;
  signatureRequired?: boolean;
  required?: string[];
  contextHas?: string;
  kind?: string | string[];
  belowElectronicThreshold?: boolean;
  variantsAllowed?: boolean;
  not?: Condition;
}

export interface DetectorUse {
  detector: string;
  params?: Record<string, unknown>;
  kind?: string;
  skipWhen?: Condition[];
}

/** A text of a rule: the same at every stage, or one wording before the deposit and one for the attribution. */
export type StageText = string | Readonly<Record<Stage, string>>;

export interface RuleRecord {
  id: string;
  ref: string;
  title: string;
  /** The requirement may come from the RC: when the RC is unknown, the finding says so. */
  rcDependent: boolean;
  automation: 'FULL' | 'PARTIAL';
  /** What a PARTIAL rule cannot see; shown with its findings. */
  limitation?: string;
  /** Retired by the CCI (admin): kept for the statistics' titles, never evaluated. */
  retired?: boolean;
  detect: DetectorUse[];
  severity: { default: Severity; cases?: { when: Condition; severity: Severity }[] };
  message: Record<string, StageText>;
  legal: string;
  remedy: StageText;
  /** Remedies for some kinds of hit, in place of `remedy`. */
  remedies?: Record<string, StageText>;
}

export interface RulesFile {
  rules: RuleRecord[];
}

/** The context with its defaults applied. */
export interface ResolvedContext extends BidContext {
  stage: Stage;
  referenceDate: string;
  /** The date validity is judged at: the deadline's day at deposit, the reference date otherwise. */
  validityDate: string;
}

export interface DossierView {
  files: CheckedFile[];
  facts: Map<string, DocumentFacts>;
  context: ResolvedContext;
  settings: CheckSettings;
}

/** One thing a detector found: about a file, or about the whole dossier when `file` is absent. */
export interface Hit {
  file?: string;
  kind?: string;
  vars?: Record<string, string | number>;
}

export type Detector = (view: DossierView, params: Record<string, unknown>) => Hit[];

export interface Finding {
  rule: string;
  severity: Severity;
  file?: string;
  message: string;
  legal: string;
  remedy: string;
  /** What the check of this rule cannot see (PARTIAL rules). */
  limitation?: string;
  /** The rule depends on the RC and the RC's requirements were not given. */
  rcUnknown?: boolean;
}

export type { DocumentType };
