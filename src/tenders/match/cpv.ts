import { existsSync } from 'node:fs';
import path from 'node:path';
import { readValidated } from '../../knowledge/validateFile';
import { prefixTerm, PREFIX_WEIGHT, stems } from './text';

export interface CpvEntry {
  code: string;
  label: string;
  keywords?: string[];
}
export interface CpvFile {
  codes: CpvEntry[];
}

export type CpvLevel = 'division' | 'groupe' | 'classe' | 'catégorie';

export interface CpvSuggestion {
  code: string;
  label: string;
  level: CpvLevel;
  score: number;
}

/** Number of meaningful leading digits: 45330000 → 4 (a class), 45000000 → 2 (a division). */
export function significantLength(code: string): number {
  let length = 8;
  while (length > 2 && code[length - 1] === '0') length -= 1;
  return length;
}

export function levelOf(code: string): CpvLevel {
  const length = significantLength(code);
  return length <= 2 ? 'division' : length === 3 ? 'groupe' : length === 4 ? 'classe' : 'catégorie';
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < 8 && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  return i;
}

export interface CpvOverlap {
  score: number;
  /** Digits the two codes share where it counts (2 = same division … 8 = same code). */
  depth: number;
  /** The tender code falls inside the SME's code (or is the same). */
  inside: boolean;
}

/**
 * How close a tender's CPV code is to one the SME declared. A tender code inside the SME's class
 * is a full match; a tender announced only by its group while the SME named a class is almost
 * one; sharing only the division (45, "travaux de construction") says little.
 */
export function cpvOverlap(profileCode: string, tenderCode: string): CpvOverlap {
  const common = commonPrefix(profileCode, tenderCode);
  const sigProfile = significantLength(profileCode);
  const sigTender = significantLength(tenderCode);
  if (common >= Math.min(sigProfile, sigTender)) {
    if (sigProfile <= sigTender) return { score: 1, depth: sigProfile, inside: true };
    const depth = sigTender;
    return { score: depth <= 2 ? 0.45 : depth === 3 ? 0.75 : depth === 4 ? 0.9 : 0.95, depth, inside: false };
  }
  const score = common < 2 ? 0 : common === 2 ? 0.3 : common === 3 ? 0.6 : common === 4 ? 0.8 : 0.9;
  return { score, depth: common, inside: false };
}

export class CpvCatalogue {
  private readonly byCode = new Map<string, CpvEntry>();
  private readonly terms: { entry: CpvEntry; weights: Map<string, number> }[] = [];
  private readonly idf = new Map<string, number>();

  constructor(entries: readonly CpvEntry[]) {
    for (const entry of entries) this.byCode.set(entry.code, entry);
    const documentFrequency = new Map<string, number>();
    for (const entry of entries) {
      const weights = new Map<string, number>();
      const add = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
      for (const stem of stems(entry.label)) {
        add(stem, 0.7);
        const prefix = prefixTerm(stem);
        if (prefix) add(prefix, 0.7 * PREFIX_WEIGHT);
      }
      for (const stem of stems((entry.keywords ?? []).join(' '))) {
        add(stem, 1);
        const prefix = prefixTerm(stem);
        if (prefix) add(prefix, PREFIX_WEIGHT);
      }
      for (const term of weights.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      this.terms.push({ entry, weights });
    }
    for (const [term, df] of documentFrequency) this.idf.set(term, Math.log(1 + entries.length / df));
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  hasDivision(division: string): boolean {
    return this.byCode.has(`${division}000000`);
  }

  /** The label of the code or of its nearest listed ancestor, and which code that label is for. */
  describe(code: string): { code: string; label: string } | undefined {
    for (let length = 8; length >= 2; length -= 1) {
      const ancestor = code.slice(0, length).padEnd(8, '0');
      const entry = this.byCode.get(ancestor);
      if (entry) return { code: ancestor, label: entry.label };
    }
    return undefined;
  }

  /**
   * CPV codes an activity text points to, best first: "plombier chauffagiste" → 45330000 Travaux de
   * plomberie, 45331000 chauffage…. Divisions only come when nothing finer matches.
   */
  suggest(activity: string, limit = 5): CpvSuggestion[] {
    const query = new Set<string>();
    for (const stem of stems(activity)) {
      query.add(stem);
      const prefix = prefixTerm(stem);
      if (prefix) query.add(prefix);
    }
    if (!query.size) return [];
    const scored: CpvSuggestion[] = [];
    for (const { entry, weights } of this.terms) {
      let score = 0;
      for (const term of query) {
        const weight = weights.get(term);
        if (weight) score += weight * (this.idf.get(term) ?? 0);
      }
      if (score > 0) scored.push({ code: entry.code, label: entry.label, level: levelOf(entry.code), score });
    }
    if (!scored.length) return [];
    const best = Math.max(...scored.map((s) => s.score));
    const strong = scored.filter((s) => s.score >= best * 0.45);
    const fine = strong.filter((s) => s.level !== 'division');
    const pool = fine.length ? fine : strong;
    return pool
      .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
      .slice(0, limit)
      .map((s) => ({ ...s, score: Math.round((s.score / best) * 100) / 100 }));
  }
}

/** The knowledge folder: KNOWLEDGE_DIR, else the nearest `knowledge/` above this module (src or dist). */
export function defaultKnowledgeDir(): string {
  if (process.env.KNOWLEDGE_DIR) return path.resolve(process.env.KNOWLEDGE_DIR);
  let dir = __dirname;
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(dir, 'knowledge');
    if (existsSync(path.join(candidate, 'cpv.json'))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve('knowledge');
}

export function loadCpvCatalogue(knowledgeDir: string = defaultKnowledgeDir()): CpvCatalogue {
  const file = readValidated<CpvFile>(path.join(knowledgeDir, 'cpv.json'), knowledgeDir);
  return new CpvCatalogue(file.codes);
}

let shared: CpvCatalogue | undefined;
/** One catalogue per process, read and validated on first use. */
export function sharedCpvCatalogue(): CpvCatalogue {
  shared ??= loadCpvCatalogue();
  return shared;
}

/** Suggests CPV codes from an activity text, with the shipped knowledge/cpv.json. */
export function suggestCpv(activity: string, limit = 5, catalogue: CpvCatalogue = sharedCpvCatalogue()): CpvSuggestion[] {
  return catalogue.suggest(activity, limit);
}
