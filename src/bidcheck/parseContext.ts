import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import localizeFr from 'ajv-i18n/localize/fr';
import type { BidContext } from './types';

/** The tender context of cli-contract.md §1 as a JSON Schema: every field optional, none unknown. */
const CONTEXT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    referenceDate: { type: 'string', format: 'date' },
    deadline: { type: 'string', format: 'date-time' },
    submittedAt: { type: 'string', format: 'date-time' },
    stage: { enum: ['DEPOT', 'ATTRIBUTION'] },
    procedure: { enum: ['MAPA', 'FORMALISEE'] },
    nature: { enum: ['TRAVAUX', 'FOURNITURES', 'SERVICES'] },
    estimatedValue: { type: 'number', minimum: 0 },
    submissionChannel: { enum: ['PLATFORM', 'EMAIL', 'POST', 'HAND'] },
    requirements: {
      type: 'object',
      additionalProperties: false,
      properties: {
        signatureAtSubmission: { type: 'boolean' },
        candidatureForms: { enum: ['DC1_DC2', 'DUME', 'EITHER'] },
        documents: { type: 'array', items: { type: 'string' } },
        minTurnover: { type: 'number', minimum: 0 },
        variantsAllowed: { type: 'boolean' },
        maxFileSizeMb: { type: 'number', exclusiveMinimum: 0 },
        acceptedFormats: { type: 'array', items: { type: 'string' } },
        kbisMaxAgeMonths: { type: 'integer', minimum: 1 },
      },
    },
  },
} as const;

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(CONTEXT_SCHEMA);

export class ContextError extends Error {}

/** Parses and validates a context; the error message is French and names the field. */
export function parseContext(json: string, source: string): BidContext {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ContextError(`Contexte illisible (${source}) : ${(error as Error).message}`);
  }
  if (!validate(data)) {
    localizeFr(validate.errors);
    const detail = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? ` (« ${String(e.params.additionalProperty)} »)` : ''}`).join(' ; ');
    throw new ContextError(`Contexte invalide (${source}) : ${detail}`);
  }
  return data as BidContext;
}
