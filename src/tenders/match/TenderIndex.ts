import { baseFold } from '../../text/baseFold';
import type { Tender, TenderLot, TenderNature } from '../types';
import { cpvOverlap, type CpvCatalogue, levelOf, sharedCpvCatalogue } from './cpv';
import { capacityOf, isQualifiedForReserved, type MatchText, RESERVED_FACTOR, sharedMatchText, reservedFit, sizeFactor, sizeFit, smallestLotYearly, tenderValue, timeFactor, timeFit, yearsOf } from './fit';
import { geoFit, geoWeights } from './geography';
import type { SmeProfile } from './profile';
import { PREFIX_WEIGHT, prefixTerm, stemWord, words } from './text';

export interface RankOptions {
  now: Date;
  limit?: number;
  offset?: number;
  /** The reasons' sentences (knowledge/messages.json); the shipped messages when not given. */
  text?: MatchText;
}

export interface RankedTender {
  tender: Tender;
  /** 0…1, rounded to two decimals. */
  score: number;
  /** Why it matches (and what holds it back), in French, most telling first. */
  reasons: string[];
}

/** Below this relevance (text and CPV) a tender is not shown at all, however local or timely. */
export const MIN_RELEVANCE = 0.12;
/** A CPV code suggested from the activity text counts less than one the SME declared. */
export const SUGGESTED_CPV_WEIGHT = 0.8;
const NATURE_CODE: Record<TenderNature, number> = { TRAVAUX: 1, FOURNITURES: 2, SERVICES: 3 };
/** Title words say what the contract is; descriptions add noise (site access, lot lists…). */
const FIELD_WEIGHT = { title: 2, keywords: 1.5, lots: 1, description: 0.8 } as const;

class GrowableInts {
  data = new Int32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}
class GrowableFloats {
  data = new Float32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/**
 * An index built once over the catalogue and queried for every profile: TF-IDF postings over
 * French stems (title, keywords, lots, description), CPV codes by division, and the per-tender
 * facts the ranking needs in typed arrays. Cancelled and awarded tenders are left out at build
 * time; closed ones (deadline past at the query date) are skipped at query time.
 */
export class TenderIndex {
  readonly tenders: Tender[];
  private readonly termIds = new Map<string, number>();
  private postingStart!: Int32Array;
  private postingDocs!: Int32Array;
  private postingWeights!: Float32Array;
  private idf!: Float32Array;
  private readonly deadlineMs: Float64Array;
  private readonly upcoming: Uint8Array;
  private readonly nature: Uint8Array;
  private readonly yearly: Float64Array;
  private readonly smallestLot: Float64Array;
  private readonly reserved: Uint8Array;
  /** Departments per tender (CSR over small ids) and the id of each department code. */
  private readonly deptStart: Int32Array;
  private readonly deptIds: Uint16Array;
  private readonly deptIdOf = new Map<string, number>();
  private readonly cpvByDivision = new Map<string, Int32Array>();
  /** CPV codes per tender as ids into `cpvCodes` (distinct codes): the hot loop never reads a Tender. */
  private readonly cpvCodes: string[] = [];
  private readonly cpvStart: Int32Array;
  private readonly cpvIds: Int32Array;
  private readonly scratch: Float32Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;

  constructor(
    catalogue: readonly Tender[],
    private readonly cpv: CpvCatalogue = sharedCpvCatalogue(),
  ) {
    this.tenders = catalogue.filter((t) => t.lifecycle === 'ACTIVE');
    const n = this.tenders.length;
    this.deadlineMs = new Float64Array(n);
    this.upcoming = new Uint8Array(n);
    this.nature = new Uint8Array(n);
    this.yearly = new Float64Array(n);
    this.smallestLot = new Float64Array(n);
    this.reserved = new Uint8Array(n);
    this.deptStart = new Int32Array(n + 1);
    const deptIds: number[] = [];
    const byDivision = new Map<string, number[]>();
    const cpvIdOf = new Map<string, number>();
    const cpvIds: number[] = [];
    this.cpvStart = new Int32Array(n + 1);
    const docStart = new Int32Array(n + 1);
    const terms = new GrowableInts();
    const freqs = new GrowableFloats();
    // word → its stem's term id (-1 for a stop word); the stem's prefix term id by stem term id.
    const wordTerm = new Map<string, number>();
    const prefixOf: number[] = [];
    // Term frequencies of the current tender: a dense array indexed by term id, plus the ids touched.
    let localTf = new Float64Array(1 << 16);
    const localTerms: number[] = [];
    const df: number[] = [];
    const bump = (term: number, weight: number) => {
      if (term >= localTf.length) {
        const next = new Float64Array(localTf.length * 2);
        next.set(localTf);
        localTf = next;
      }
      if (localTf[term] === 0) localTerms.push(term);
      localTf[term]! += weight;
    };
    const termOf = (term: string): number => {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.termIds.size;
        this.termIds.set(term, id);
        df.push(0);
      }
      return id;
    };
    const addText = (text: string | undefined, weight: number) => {
      if (!text) return;
      for (const word of words(text)) {
        let term = wordTerm.get(word);
        if (term === undefined) {
          const stem = stemWord(word);
          term = stem ? termOf(stem) : -1;
          if (term >= 0 && prefixOf[term] === undefined) {
            const prefix = prefixTerm(stem);
            prefixOf[term] = prefix ? termOf(prefix) : -1;
          }
          wordTerm.set(word, term);
        }
        if (term < 0) continue;
        bump(term, weight);
        const prefix = prefixOf[term]!;
        if (prefix >= 0) bump(prefix, weight * PREFIX_WEIGHT);
      }
    };
    for (let doc = 0; doc < n; doc += 1) {
      const tender = this.tenders[doc]!;
      const deadline = tender.deadlineAt ? Date.parse(tender.deadlineAt) : NaN;
      this.deadlineMs[doc] = deadline;
      this.upcoming[doc] = tender.status === 'UPCOMING' ? 1 : 0;
      this.nature[doc] = tender.nature ? NATURE_CODE[tender.nature] : 0;
      const value = tenderValue(tender);
      this.yearly[doc] = value !== undefined ? value / yearsOf(tender) : NaN;
      this.smallestLot[doc] = smallestLotYearly(tender);
      this.reserved[doc] = tender.reserved ? 1 : 0;
      this.deptStart[doc] = deptIds.length;
      for (const department of tender.departments) {
        let id = this.deptIdOf.get(department);
        if (id === undefined) this.deptIdOf.set(department, (id = this.deptIdOf.size));
        deptIds.push(id);
      }
      localTerms.length = 0;
      addText(tender.title, FIELD_WEIGHT.title);
      addText(tender.keywords.join(' '), FIELD_WEIGHT.keywords);
      for (const lot of tender.lots) addText(`${lot.title} ${lot.description ?? ''}`, FIELD_WEIGHT.lots);
      addText(tender.description, FIELD_WEIGHT.description);
      docStart[doc] = terms.length;
      for (const term of localTerms) {
        terms.push(term);
        freqs.push(1 + Math.log(localTf[term]!));
        localTf[term] = 0;
        df[term]! += 1;
      }
      this.cpvStart[doc] = cpvIds.length;
      for (const code of new Set(tender.cpv)) {
        let id = cpvIdOf.get(code);
        if (id === undefined) {
          cpvIdOf.set(code, (id = this.cpvCodes.length));
          this.cpvCodes.push(code);
        }
        cpvIds.push(id);
      }
      const divisions = new Set(tender.cpv.map((code) => code.slice(0, 2)));
      for (const division of divisions) {
        let list = byDivision.get(division);
        if (!list) byDivision.set(division, (list = []));
        list.push(doc);
      }
    }
    this.deptStart[n] = deptIds.length;
    this.cpvStart[n] = cpvIds.length;
    this.cpvIds = Int32Array.from(cpvIds);
    this.deptIds = Uint16Array.from(deptIds);
    for (const [division, list] of byDivision) this.cpvByDivision.set(division, Int32Array.from(list));
    docStart[n] = terms.length;
    // The per-tender term lists are only needed to build the postings: they are dropped after.
    this.buildPostings(n, df, docStart, terms.data, freqs.data);
    this.scratch = new Float32Array(n);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
  }

  get size(): number {
    return this.tenders.length;
  }

  private buildPostings(n: number, df: number[], docTermStart: Int32Array, docTerms: Int32Array, freqs: Float32Array): void {
    const termCount = df.length;
    this.idf = new Float32Array(termCount);
    for (let t = 0; t < termCount; t += 1) this.idf[t] = Math.log(1 + n / df[t]!);
    const start = new Int32Array(termCount + 1);
    for (let t = 0; t < termCount; t += 1) start[t + 1] = start[t]! + df[t]!;
    const fill = start.slice(0, termCount);
    const total = docTermStart[n]!;
    const docs = new Int32Array(total);
    const weights = new Float32Array(total);
    for (let doc = 0; doc < n; doc += 1) {
      const from = docTermStart[doc]!;
      const to = docTermStart[doc + 1]!;
      let norm = 0;
      for (let i = from; i < to; i += 1) {
        const w = freqs[i]! * this.idf[docTerms[i]!]!;
        norm += w * w;
      }
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let i = from; i < to; i += 1) {
        const term = docTerms[i]!;
        const slot = fill[term]!++;
        docs[slot] = doc;
        weights[slot] = freqs[i]! * this.idf[term]! * inv;
      }
    }
    this.postingStart = start;
    this.postingDocs = docs;
    this.postingWeights = weights;
  }

  /** The activity as query terms (ids, weights normalised) and, per term, a word to show. */
  private queryTerms(activity: string): { ids: number[]; weights: number[]; shown: Map<number, string> } {
    const tf = new Map<number, number>();
    const shown = new Map<number, string>();
    for (const word of words(activity)) {
      const stem = stemWord(word);
      const prefix = prefixTerm(stem);
      const candidates: [string, number][] = [[stem, 1]];
      if (prefix) candidates.push([prefix, PREFIX_WEIGHT]);
      for (const [term, weight] of candidates) {
        const id = this.termIds.get(term);
        if (id === undefined) continue;
        tf.set(id, (tf.get(id) ?? 0) + weight);
        if (!shown.has(id)) shown.set(id, word);
      }
    }
    const ids = [...tf.keys()];
    const weights = ids.map((id) => (1 + Math.log(tf.get(id)!)) * this.idf[id]!);
    const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0)) || 1;
    return { ids, weights: weights.map((w) => w / norm), shown };
  }

  /** Postings are filled in tender order, so each term's list is sorted: binary search. */
  private docHas(doc: number, term: number): boolean {
    let low = this.postingStart[term]!;
    let high = this.postingStart[term + 1]! - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = this.postingDocs[mid]!;
      if (at === doc) return true;
      if (at < doc) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  }

  rank(profile: SmeProfile, options: RankOptions): RankedTender[] {
    const nowMs = options.now.getTime();
    const limit = Math.max(0, options.limit ?? 10);
    const offset = Math.max(0, options.offset ?? 0);
    const wanted = offset + limit;
    if (!wanted || !this.size) return [];

    const declared = profile.cpv ?? [];
    // Without declared codes, the codes the activity points to stand in, with less weight.
    // The activity text often says more than the declared codes ("plomberie, entretien de
    // chaudières" with 45330000 only): the codes it points to join them, with less weight.
    const suggested = this.cpv.suggest(profile.activity, 3).map((s) => s.code).filter((code) => !declared.includes(code));
    const profileCodes = [...declared, ...suggested];
    const codeWeights = profileCodes.map((code) => (declared.includes(code) ? 1 : SUGGESTED_CPV_WEIGHT));
    const natures = profile.natures?.length ? new Set(profile.natures.map((nature) => NATURE_CODE[nature])) : undefined;

    // 1. Text similarity, accumulated over the postings of the activity's terms.
    const query = this.queryTerms(profile.activity);
    const scores = this.scratch;
    const seen = this.seen;
    const touched = this.touched;
    let count = 0;
    for (let q = 0; q < query.ids.length; q += 1) {
      const term = query.ids[q]!;
      const weight = query.weights[q]!;
      for (let i = this.postingStart[term]!; i < this.postingStart[term + 1]!; i += 1) {
        const doc = this.postingDocs[i]!;
        if (seen[doc] === 0) {
          seen[doc] = 1;
          touched[count++] = doc;
        }
        scores[doc]! += weight * this.postingWeights[i]!;
      }
    }
    // 2. Candidates: text hits and tenders sharing a CPV division with the profile.
    for (const division of new Set(profileCodes.map((code) => code.slice(0, 2)))) {
      const docs = this.cpvByDivision.get(division);
      if (!docs) continue;
      for (let i = 0; i < docs.length; i += 1) {
        const doc = docs[i]!;
        if (seen[doc] === 0) {
          seen[doc] = 1;
          touched[count++] = doc;
        }
      }
    }

    // 3. Per-query tables: department weights, the SME's capacity, whether it may take reserved markets.
    const weights = geoWeights(profile.departments);
    const deptWeight = new Float32Array(this.deptIdOf.size).fill(0.3);
    for (const [code, id] of this.deptIdOf) deptWeight[id] = weights.home.has(code) ? 1 : weights.near.has(code) ? 0.8 : 0.3;
    const capacity = capacityOf(profile);
    // The CPV overlap of every distinct code of the catalogue with the profile's codes, once.
    const codeScore = new Float32Array(this.cpvCodes.length);
    const codeFrom = new Int16Array(this.cpvCodes.length);
    if (profileCodes.length) {
      this.cpvCodes.forEach((code, id) => {
        profileCodes.forEach((mine, from) => {
          const overlap = cpvOverlap(mine, code).score * codeWeights[from]!;
          if (overlap > codeScore[id]!) {
            codeScore[id] = overlap;
            codeFrom[id] = from;
          }
        });
      });
    }
    const reservedFactor = isQualifiedForReserved(profile, baseFold) ? 1 : RESERVED_FACTOR;

    // 4. Score open candidates; keep the best `wanted` in a min-heap. Each factor only lowers a
    // score, so a candidate whose relevance × place cannot enter the heap is dropped early.
    const heap: HeapEntry[] = [];
    for (let c = 0; c < count; c += 1) {
      const doc = touched[c]!;
      const cosine = scores[doc]!;
      scores[doc] = 0;
      seen[doc] = 0;
      const deadline = this.deadlineMs[doc]!;
      if (Number.isFinite(deadline) && deadline <= nowMs) continue;
      if (natures && this.nature[doc] !== 0 && !natures.has(this.nature[doc]!)) continue;
      let cpvScore = 0;
      let cpvBest = -1;
      for (let i = this.cpvStart[doc]!; i < this.cpvStart[doc + 1]!; i += 1) {
        const id = this.cpvIds[i]!;
        if (codeScore[id]! > cpvScore) {
          cpvScore = codeScore[id]!;
          cpvBest = id;
        }
      }
      const text = Math.min(1, cosine * 2.2);
      const rel = profileCodes.length ? 0.5 * cpvScore + 0.5 * text + 0.15 * Math.min(cpvScore, text) : text;
      if (rel < MIN_RELEVANCE) continue;
      let geo = this.deptStart[doc] === this.deptStart[doc + 1] ? 0.6 : 0.3;
      for (let i = this.deptStart[doc]!; i < this.deptStart[doc + 1]!; i += 1) geo = Math.max(geo, deptWeight[this.deptIds[i]!]!);
      const bound = rel * geo;
      if (heap.length >= wanted && bound <= heap[0]!.score) continue;
      const score =
        bound *
        timeFactor(this.upcoming[doc] === 1, deadline, nowMs) *
        sizeFactor(this.yearly[doc]!, this.smallestLot[doc]!, capacity) *
        (this.reserved[doc] === 1 ? reservedFactor : 1);
      const entry: HeapEntry = { doc, score, cpv: cpvScore, cpvCode: cpvBest >= 0 ? this.cpvCodes[cpvBest] : undefined, cpvFrom: cpvBest >= 0 ? profileCodes[codeFrom[cpvBest]!] : undefined, text };
      if (heap.length < wanted) {
        heap.push(entry);
        siftUp(heap, heap.length - 1);
      } else if (less(heap[0]!, entry)) {
        heap[0] = entry;
        siftDown(heap, 0);
      }
    }
    const ordered = heap.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(offset);
    return ordered.map((entry) => ({
      tender: this.tenders[entry.doc]!,
      score: Math.round(Math.min(1, entry.score) * 100) / 100,
      reasons: this.reasons(entry, profile, profileCodes, declared, query, nowMs, weights, options.text ?? sharedMatchText()),
    }));
  }

  private sizeAndReserved(tender: Tender, profile: SmeProfile, profileCodes: readonly string[], text: MatchText) {
    const size = sizeFit(tender, profile, (lot) => this.lotRelevance(lot, profileCodes), text);
    const reserved = reservedFit(tender, profile, baseFold, text);
    return { factor: size.factor * reserved.factor, size, reserved };
  }

  private lotRelevance(lot: TenderLot, profileCodes: readonly string[]): number {
    let best = 0;
    for (const code of lot.cpv) for (const mine of profileCodes) best = Math.max(best, cpvOverlap(mine, code).score);
    return best;
  }

  private reasons(
    entry: { doc: number; cpv: number; cpvCode?: string; cpvFrom?: string; text: number },
    profile: SmeProfile,
    profileCodes: readonly string[],
    declared: readonly string[],
    query: { ids: number[]; shown: Map<number, string> },
    nowMs: number,
    weights: ReturnType<typeof geoWeights>,
    text: MatchText,
  ): string[] {
    const tender = this.tenders[entry.doc]!;
    const reasons: string[] = [];
    if (entry.cpvCode && entry.cpv >= 0.25) {
      const described = this.cpv.describe(entry.cpvCode);
      const label = described ? lowerFirst(described.label) : undefined;
      const overlap = cpvOverlap(entry.cpvFrom!, entry.cpvCode);
      const cpv = label ? text('tenders.reason.cpvLabelled', { code: entry.cpvCode, label }) : text('tenders.reason.cpv', { code: entry.cpvCode });
      if (overlap.inside || overlap.score >= 0.9) reasons.push(declared.includes(entry.cpvFrom!) ? cpv : text('tenders.reason.cpvNear', { cpv }));
      else reasons.push(text('tenders.reason.cpvSameLevel', { cpv, level: levelOf(entry.cpvCode.slice(0, overlap.depth).padEnd(8, '0')), code: entry.cpvFrom! }));
    }
    if (entry.text > 0) {
      const shown = new Set<string>();
      for (const id of query.ids) {
        const word = query.shown.get(id);
        if (word && !shown.has(word) && this.docHas(entry.doc, id)) shown.add(word);
        if (shown.size === 3) break;
      }
      if (shown.size) reasons.push(text('tenders.reason.activity', { words: [...shown].join(', ') }));
    }
    const geo = geoFit(tender.departments, weights, tender.town, text);
    if (geo.reason) reasons.push(geo.reason);
    const { size, reserved } = this.sizeAndReserved(tender, profile, profileCodes, text);
    if (size.reason) reasons.push(size.reason);
    if (reserved.reason) reasons.push(reserved.reason);
    const time = timeFit(tender, this.deadlineMs[entry.doc]!, nowMs, text);
    if (time.reason) reasons.push(time.reason);
    if (tender.socialClause) reasons.push(text('tenders.reason.socialClause'));
    return reasons;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

interface HeapEntry {
  doc: number;
  score: number;
  cpv: number;
  cpvCode?: string;
  cpvFrom?: string;
  text: number;
}
/** Heap order: lower score first; on equal scores the later tender is the one to drop. */
function less(a: HeapEntry, b: HeapEntry): boolean {
  return a.score < b.score || (a.score === b.score && a.doc > b.doc);
}

function siftUp(heap: HeapEntry[], index: number): void {
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (!less(heap[index]!, heap[parent]!)) break;
    [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
    index = parent;
  }
}
function siftDown(heap: HeapEntry[], index: number): void {
  for (;;) {
    const left = index * 2 + 1;
    const right = left + 1;
    let smallest = index;
    if (left < heap.length && less(heap[left]!, heap[smallest]!)) smallest = left;
    if (right < heap.length && less(heap[right]!, heap[smallest]!)) smallest = right;
    if (smallest === index) return;
    [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
    index = smallest;
  }
}

const built = new WeakMap<readonly Tender[], TenderIndex>();

/**
 * Ranks open and upcoming tenders for an SME, best first. The index is built on the first call
 * for a given catalogue array and reused for the next ones, so that array must not be changed
 * afterwards: after an import, pass the new array (or build `new TenderIndex(catalogue)` yourself).
 */
export function rankTenders(tenders: readonly Tender[], profile: SmeProfile, options: RankOptions): RankedTender[] {
  let index = built.get(tenders);
  if (!index) {
    index = new TenderIndex(tenders);
    built.set(tenders, index);
  }
  return index.rank(profile, options);
}
