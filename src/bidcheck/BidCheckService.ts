import type { CheckStatsRepository } from '../store/CheckStatsStore';
import { type CheckReport, checkDossier } from './checkDossier';
import type { BidCheckKnowledge } from './knowledge/loadCheckKnowledge';
import type { IntakeLimits } from './intake/limits';
import type { InputFile, ProgressListener } from './intake/readDossier';
import type { BidContext } from './types';

/**
 * The bid check as the chat uses it: run the check, then keep an anonymous trace for the buyers'
 * insights — rule ids, severities and document types only; no file name, no company data.
 */
export class BidCheckService {
  constructor(
    private readonly knowledge: BidCheckKnowledge,
    private readonly limits: IntakeLimits,
    private readonly stats: CheckStatsRepository,
  ) {}

  get documentLabels(): Record<string, string> {
    return this.knowledge.checkSettings.documentLabels;
  }

  async check(files: readonly InputFile[], context: BidContext, onProgress?: ProgressListener): Promise<CheckReport> {
    const report = await checkDossier(files, context, this.knowledge, { limits: this.limits, onProgress });
    await this.stats.record({
      at: new Date().toISOString(),
      documentTypes: report.documents.map((document) => document.type),
      findings: report.findings.map(({ rule, severity }) => ({ rule, severity })),
    });
    return report;
  }
}
