import * as documents from './detectors/documentDetectors';
import * as files from './detectors/fileDetectors';
import * as offer from './detectors/offerDetectors';
import * as signatures from './detectors/signatureDetectors';
import * as submission from './detectors/submissionDetectors';
import { FILE_ISSUE_KINDS } from '../types';
import type { Detector } from './types';

/** What a detector gives a message for one kind of hit: its variables, and whether it names a file. */
export interface Emission {
  vars: readonly string[];
  file: boolean;
}

/** The names a params schema may refer to, known only once the knowledge is read. */
export interface ContractVocabulary {
  documentTypes: readonly string[];
  /** Numeric windows of settings.json a rule may name (kbisMaxAgeMonths, …). */
  monthSettings: readonly string[];
}

export type JsonSchema = Record<string, unknown>;

/**
 * The contract of one detector: the params a rule may give it (a JSON Schema, unknown keys refused)
 * and the kinds of hit it emits with the placeholders each fills. "" is a hit with no kind of its own
 * (it takes the kind the rule gives the detector, or the default message).
 */
export interface DetectorSpec {
  run: Detector;
  params: (vocabulary: ContractVocabulary) => JsonSchema;
  emits: (params: Record<string, unknown>) => Readonly<Record<string, Emission>>;
}

const NONE: JsonSchema = { type: 'object', additionalProperties: false, properties: {} };
const types = (v: ContractVocabulary): JsonSchema => ({ type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...v.documentTypes] } });
const typesOrUnknown = (v: ContractVocabulary): JsonSchema => ({ type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...v.documentTypes, 'UNKNOWN'] } });
const object = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties), extra: JsonSchema = {}): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
  ...extra,
});

const onFile = (...vars: string[]): Emission => ({ vars, file: true });
const onDossier = (...vars: string[]): Emission => ({ vars, file: false });
const fixed = (emissions: Record<string, Emission>) => () => emissions;
const each = (kinds: readonly string[], emission: Emission) => Object.fromEntries(kinds.map((kind) => [kind, emission]));

/**
 * The detectors rules may name in knowledge/rules, bound by name one by one: a function exported by a
 * detector file is not a detector until it is listed here with its contract.
 */
export const DETECTOR_REGISTRY: Readonly<Record<string, DetectorSpec>> = {
  missingDocument: {
    run: documents.missingDocument,
    params: (v) => object({ anyOf: types(v) }),
    emits: fixed({ '': onDossier('expected', 'unreadCount', 'unreadFiles'), UNRECOGNISED: onFile('expected') }),
  },
  documentTooOld: {
    run: documents.documentTooOld,
    params: (v) =>
      object(
        {
          types: types(v),
          date: { enum: ['upToDate', 'issuedOn'] },
          setting: { enum: [...v.monthSettings] },
          months: { type: 'integer', minimum: 1, maximum: 60 },
          contextKey: { enum: ['kbisMaxAgeMonths'] },
        },
        ['types', 'date'],
        // The window is named once: from settings.json or as a number, never silently defaulted.
        { oneOf: [{ required: ['setting'] }, { required: ['months'] }] },
      ),
    emits: fixed({ '': onFile('date', 'months', 'at', 'typeLabel') }),
  },
  documentExpired: {
    run: documents.documentExpired,
    params: (v) => object({ types: types(v) }),
    emits: fixed({ '': onFile('date', 'at', 'typeLabel') }),
  },
  textMatch: {
    run: documents.textMatch,
    params: (v) =>
      object(
        {
          types: typesOrUnknown(v),
          patterns: { type: 'array', minItems: 1, items: object({ pattern: { type: 'string', minLength: 2, format: 'regex' }, kind: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' } }, ['pattern']) },
          unless: { type: 'string', minLength: 2, format: 'regex' },
        },
        ['patterns'],
      ),
    emits: (params) => {
      const patterns = (params.patterns as { kind?: string }[] | undefined) ?? [];
      return each([...new Set(patterns.map((pattern) => pattern.kind ?? ''))], onFile('found'));
    },
  },
  exclusionBoxUnticked: { run: documents.exclusionBoxUnticked, params: () => NONE, emits: fixed({ '': onFile() }) },
  lotMismatch: { run: documents.lotMismatch, params: () => NONE, emits: fixed({ '': onDossier('dc1Lots', 'offerLots'), UNCERTAIN: onDossier('dc1Lots', 'offerLots') }) },
  groupementIncomplete: { run: documents.groupementIncomplete, params: () => NONE, emits: fixed({ TYPE: onFile(), TYPE_UNCERTAIN: onFile(), UNDECIDABLE: onFile('members'), DC2: onFile('members', 'forms') }) },
  groupementChanged: { run: documents.groupementChanged, params: () => NONE, emits: fixed({ '': onDossier('candidature', 'offer') }) },
  capacityMissing: { run: documents.capacityMissing, params: () => NONE, emits: fixed({ '': onFile() }) },
  turnoverBelowMinimum: {
    run: documents.turnoverBelowMinimum,
    params: () => NONE,
    emits: fixed({ EXCESSIVE_REQUIREMENT: onDossier('min', 'cap'), BELOW: onFile('turnover', 'min') }),
  },
  subcontractingWithoutDc4: { run: documents.subcontractingWithoutDc4, params: (v) => object({ ignoreTypes: types(v) }), emits: fixed({ NO_DC4: onFile(), NO_DC4_UNCERTAIN: onFile(), INCOMPLETE: onFile() }) },
  malformedCompanyNumber: { run: documents.malformedCompanyNumber, params: () => NONE, emits: fixed({ '': onFile('number') }) },
  invalidCompanyNumber: { run: documents.invalidCompanyNumber, params: () => NONE, emits: fixed({ '': onFile('number') }) },
  sirenMismatch: { run: documents.sirenMismatch, params: (v) => object({ registryTypes: types(v), partnerForms: types(v), ignoreTypes: types(v) }), emits: fixed({ '': onFile('siren', 'expected') }) },
  companyNameMismatch: { run: documents.companyNameMismatch, params: (v) => object({ registryTypes: types(v), partnerForms: types(v), ignoreTypes: types(v) }), emits: fixed({ '': onFile('name', 'expected') }) },
  aeIncomplete: { run: documents.aeIncomplete, params: () => NONE, emits: fixed({ '': onFile('fields') }) },
  priceDocumentIncomplete: { run: documents.priceDocumentIncomplete, params: () => NONE, emits: fixed({ REFERENCE: onFile('count'), EMPTY_CELL: onFile('count', 'designation'), EMPTY_CELLS: onFile('count', 'designation') }) },
  varianteMention: { run: documents.varianteMention, params: (v) => object({ ignoreTypes: types(v) }), emits: fixed({ '': onFile(), NOT_ALLOWED: onFile(), UNDECIDABLE: onFile() }) },
  invalidIban: { run: documents.invalidIban, params: () => NONE, emits: fixed({ IBAN: onFile('iban'), RIB_KEY: onFile('iban'), RIB: onFile('rib') }) },
  fileIssue: {
    run: files.fileIssue,
    params: () => object({ issues: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...FILE_ISSUE_KINDS] } } }),
    emits: (params) => each((params.issues as string[] | undefined) ?? [], onFile('detail')),
  },
  unacceptedFormat: { run: files.unacceptedFormat, params: () => NONE, emits: fixed({ RC_LIST: onFile('format', 'accepted'), UNUSUAL: onFile('format') }) },
  fileTooLarge: { run: files.fileTooLarge, params: () => NONE, emits: fixed({ FILE: onFile('sizeMb', 'limitMb') }) },
  backupCopy: { run: files.backupCopy, params: () => NONE, emits: fixed({ DIFFERENT: onDossier('count') }) },
  priceInconsistency: {
    run: offer.priceInconsistency,
    params: () => NONE,
    emits: fixed({ LINE: onFile('count', 'designation', 'quantity', 'unitPrice', 'expected', 'amount'), LINES: onFile('count', 'designation', 'quantity', 'unitPrice', 'expected', 'amount'), VAT: onFile('ht', 'tva', 'sum', 'ttc'), AE_VS_PRICES: onFile('ae', 'prices', 'pricesFile') }),
  },
  insolvency: { run: offer.insolvency, params: (v) => object({ registryTypes: types(v), judgmentTypes: types(v) }), emits: fixed(each(['LIQUIDATION', 'BAN', 'REDRESSEMENT'], onFile())) },
  scannedSignature: { run: signatures.scannedSignature, params: (v) => object({ types: types(v) }), emits: fixed({ '': onFile('typeLabel') }) },
  zipOnlySignature: { run: signatures.zipOnlySignature, params: () => NONE, emits: fixed({ '': onFile('signature') }) },
  signatureProblems: {
    run: signatures.signatureProblems,
    params: () => NONE,
    emits: fixed({
      TIMESTAMP_ONLY: onFile(),
      FORMAT: onFile('format'),
      INTEGRITY: onFile(),
      SIGNATURE_INVALID: onFile('signer'),
      PARTIAL_COVERAGE: onFile(),
      MODIFIED_AFTER: onFile(),
      UPDATED_AFTER: onFile('signer'),
      NOT_YET_VALID: onFile('date', 'signedAt', 'proof'),
      EXPIRED_AT_SIGNING: onFile('date', 'signedAt', 'proof'),
      EXPIRED: onFile('date'),
      SELF_SIGNED: onFile('signer'),
      NOT_QUALIFIED: onFile('signer'),
      UNVERIFIED: onFile('reason'),
      QUALIFICATION_UNVERIFIED: onFile('signer'),
    }),
  },
  signatoryWithoutPower: { run: signatures.signatoryWithoutPower, params: (v) => object({ registryTypes: types(v), signedTypes: types(v), powerTypes: types(v) }), emits: fixed({ '': onFile('signer') }) },
  unsignedDocument: { run: signatures.unsignedDocument, params: (v) => object({ types: types(v) }), emits: fixed({ '': onFile('typeLabel') }) },
  lateSubmission: {
    run: submission.lateSubmission,
    params: () => NONE,
    emits: fixed({ LATE: onDossier('seconds', 'deadline', 'submittedAt'), PAST_DEADLINE: onDossier('deadline'), PRECHECK: onDossier('deadline', 'sizeMb') }),
  },
  submissionChannel: { run: submission.submissionChannel, params: () => NONE, emits: fixed(each(['EMAIL', 'POST', 'HAND'], onDossier())) },
};
