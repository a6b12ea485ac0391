import { checkDossier, type CheckReport } from '../../src/bidcheck/checkDossier';
import type { InputFile } from '../../src/bidcheck/intake/readDossier';
import { DEFAULT_LIMITS, type IntakeLimits } from '../../src/bidcheck/intake/limits';
import type { BidContext } from '../../src/bidcheck/types';
import { loadKnowledge } from '../../src/loadKnowledge';
import { COMPANY, LINES, pdf } from '../fixtures/documents';
import { KNOWLEDGE_DIR } from '../support/services';

export const knowledge = loadKnowledge(KNOWLEDGE_DIR);

export const CONTEXT: BidContext = {
  deadline: '2026-12-01T12:00:00+01:00',
  stage: 'DEPOT',
  procedure: 'MAPA',
  nature: 'TRAVAUX',
  estimatedValue: 180000,
  requirements: { documents: ['KBIS', 'URSSAF_VIGILANCE', 'INSURANCE_RC', 'MEMOIRE_TECHNIQUE'], minTurnover: 150000 },
};

export function check(files: InputFile[], context: BidContext = CONTEXT, limits: Partial<IntakeLimits> = {}): Promise<CheckReport> {
  return checkDossier(files, context, knowledge, { referenceDate: '2026-11-20', limits: { ...DEFAULT_LIMITS, ...limits } });
}

/** A dossier with nothing to say about it, on 2026-11-20 for a deadline on 2026-12-01. */
export async function cleanDossier(): Promise<InputFile[]> {
  return [
    { name: 'Kbis BATI-GARD.pdf', bytes: await pdf(LINES.kbis('6 novembre 2026')) },
    { name: 'attestation-urssaf.pdf', bytes: await pdf(LINES.urssaf('02/10/2026'), { font: undefined, size: 11 }) },
    { name: 'fiscal.pdf', bytes: await pdf(LINES.fiscal('15/09/2026')) },
    { name: 'RC Pro 2026.pdf', bytes: await pdf(LINES.insurance('01/01/2026', '31/12/2026')) },
    { name: 'DC1.pdf', bytes: await pdf(LINES.dc1(true, '2')) },
    { name: 'DC2.pdf', bytes: await pdf(LINES.dc2('2023 : 412 000 € - 2024 : 455 500 € - 2025 : 498 200 €')) },
    { name: 'memoire.pdf', bytes: await pdf(LINES.memoire(), { offset: 3 }) },
    { name: 'RIB.pdf', bytes: await pdf(LINES.rib()) },
    { name: 'decennale.pdf', bytes: await pdf(LINES.decennale('1er janvier 2026', '31 décembre 2026'), { size: 9 }) },
  ];
}

export { COMPANY };
