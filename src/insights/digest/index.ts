/** The club's monthly digest (issue 10): content from the insights, laid out as a PDF with pdfkit. */
export type { Bar, BarChart, Block, DigestDocument, Entry } from './document';
export { isDigestMonth } from './digestMonth';
export { digestDocument, renderDigest } from './renderDigest';
export { ruleRemedy } from './ruleRemedy';
export type { DigestKnowledge, DigestRule, DigestSources, Testimony } from './types';
