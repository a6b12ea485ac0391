/**
 * What replaces each kind of personal data: short, readable by a buyer skimming the gap log, and
 * bracketed so that no later pass (nor a reader) takes them for the words of the question.
 */
export const SCRUB_TOKENS = {
  email: '[courriel]',
  phone: '[téléphone]',
  siret: '[SIRET]',
  siren: '[SIREN]',
  vat: '[TVA]',
  iban: '[IBAN]',
  address: '[adresse]',
  name: '[nom]',
  company: '[entreprise]',
} as const;

export type ScrubKind = keyof typeof SCRUB_TOKENS;

/** Stored instead of a text with nothing readable left (binary garbage, control characters only). */
export const UNREADABLE_TOKEN = '[illisible]';
