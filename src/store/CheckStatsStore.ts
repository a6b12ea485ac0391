import type { CheckStatRecord, Database } from './database';

/** Where anonymous check statistics go (rule ids, severities, document types, time — nothing else). */
export interface CheckStatsRepository {
  record(stat: CheckStatRecord): Promise<void>;
  all(): Promise<readonly CheckStatRecord[]>;
}

export class CheckStatsStore implements CheckStatsRepository {
  constructor(private readonly db: Database) {}

  async record(stat: CheckStatRecord): Promise<void> {
    this.db.data.checkStats.push(structuredClone(stat));
    await this.db.save();
  }

  async all(): Promise<readonly CheckStatRecord[]> {
    return this.db.data.checkStats;
  }
}
