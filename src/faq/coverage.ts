/** A coverage gate as data. */
export interface CoverageData {
  topics: [string, string[]][];
  offTopic: string[];
  offTopicBoost: number;
}

/**
 * How much of what a question is about a topic's own texts speak of. Each content stem weighs its
 * rarity across topics (a word every topic uses, « marché », weighs almost nothing; a word no topic
 * uses, « garagiste », weighs most), and the coverage is the share of that weight the topic knows.
 * A question whose salient words the chosen topic does not know (« marché de conception-réalisation »
 * is not « marché adapté ») is not that topic's question, however close the classifier found it.
 */
export class Coverage {
  private readonly topicStems = new Map<string, ReadonlySet<string>>();
  private readonly frequency = new Map<string, number>();
  private readonly topics: number;

  constructor(
    stemsByTopic: ReadonlyMap<string, readonly string[]>,
    /** Stems of the out-of-scope questions: one no topic uses is a sign of another subject, and weighs `offTopicBoost` times more. */
    private readonly offTopicStems: ReadonlySet<string> = new Set(),
    private readonly offTopicBoost = 1,
  ) {
    for (const [id, stems] of stemsByTopic) {
      const set = new Set(stems);
      this.topicStems.set(id, set);
      for (const stem of set) this.frequency.set(stem, (this.frequency.get(stem) ?? 0) + 1);
    }
    this.topics = stemsByTopic.size;
  }

  /** As data, for a worker thread to post back (`fromModel` rebuilds the same gate). */
  toModel(): CoverageData {
    return { topics: [...this.topicStems].map(([id, stems]) => [id, [...stems]]), offTopic: [...this.offTopicStems], offTopicBoost: this.offTopicBoost };
  }

  static fromModel(data: CoverageData): Coverage {
    return new Coverage(new Map(data.topics), new Set(data.offTopic), data.offTopicBoost);
  }

  weight(stem: string): number {
    const frequency = this.frequency.get(stem) ?? 0;
    const weight = Math.log((this.topics + 1) / (frequency + 0.5));
    return frequency === 0 && this.offTopicStems.has(stem) ? weight * this.offTopicBoost : weight;
  }

  /** Share (0…1) of the question's stem weight the topic knows; 1 for a question with no content word. */
  of(stems: readonly string[], topic: string): number {
    const known = this.topicStems.get(topic);
    let total = 0;
    let covered = 0;
    for (const stem of new Set(stems)) {
      const weight = this.weight(stem);
      total += weight;
      if (known?.has(stem)) covered += weight;
    }
    return total === 0 ? 1 : covered / total;
  }

  /** The question's stems the topic does not know, heaviest first (for the benchmark's error listing). */
  missing(stems: readonly string[], topic: string): string[] {
    const known = this.topicStems.get(topic);
    return [...new Set(stems)].filter((stem) => !known?.has(stem)).sort((a, b) => this.weight(b) - this.weight(a));
  }
}
