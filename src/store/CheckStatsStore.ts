import type { CheckStatRecord, Database } from './database';

/** Where anonymous check statistics go (rule ids, severities, document types, time — nothing else). */
export interface CheckStatsRepository {
  record(stat: CheckStatRecord): Promise<void>;
  all(): Promise<readonly CheckStatRecord[]>;
}

/** Statistics in the database's append-only log: recording one never rewrites conversation state. */
export class CheckStatsStore implements CheckStatsRepository {
  constructor(private readonly db: Database) {}

  async record(stat: CheckStatRecord): Promise<void> {
    await this.db.appendCheckStat(stat);
  }

  async all(): Promise<readonly CheckStatRecord[]> {
    return this.db.checkStats;
  }
}
