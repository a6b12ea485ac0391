import { statSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { mapApprochRecord, type ApprochOptions } from './approch';
import { type Mapped, mapBoampRecord, type MapOptions, type NoticeLink } from './boamp';
import { acquireImportLock, type CatalogueData, emptyData, type ImportSummary, JsonLinesCatalogueAdapter } from './catalogueFile';
import { type RawRecord, readExportFile, recordsOfValue, type ScanSummary } from './exportRecords';
import { type KnowledgeTenders, loadKnowledgeTenders } from './knowledgeTenders';
import type { Tender } from './types';

/**
 * The tender catalogue: what was imported from BOAMP and APProch (DATA_DIR/tenders/catalogue.jsonl,
 * written by imports only — a chat turn never rewrites it), plus the upcoming purchases buyers
 * entered in knowledge/, plus the demo's examples, which are shown only while nothing real is there.
 */

export type ActiveSet = 'real' | 'example';

export interface TenderCatalogue {
  /** The catalogue file under DATA_DIR. */
  readonly file: string;
  /** Which tenders `all()` returns: the real ones, or — while there is none — the examples. */
  readonly activeSet: ActiveSet;
  /** Every tender of the active set (including cancelled and awarded ones: filter with `isOpenAt`). */
  all(): readonly Tender[];
  /** A tender of the active set by id ("boamp:26-81510", "example:…"). */
  get(id: string): Tender | undefined;
  /** True for the demo's example tenders: an answer showing one must say it is an example. */
  isExample(tender: Tender | string): boolean;
  readonly realCount: number;
  readonly exampleCount: number;
  /** The most recent imports, newest last. */
  readonly imports: readonly ImportSummary[];
  /** Re-reads the file if another process (the CLI) imported since. True when it changed. */
  reloadIfChanged(): Promise<boolean>;
}

export interface OpenCatalogueOptions {
  /** Where knowledge/tenders/ (examples, upcoming purchases) is read; omitted → none. */
  knowledgeDir?: string;
  /** Or those tenders already read (the app's knowledge, one read of the folder). */
  knowledgeTenders?: KnowledgeTenders;
}

export const CATALOGUE_FILE = path.join('tenders', 'catalogue.jsonl');

/** Open (or upcoming) at this instant: not cancelled nor awarded, deadline not passed. */
export function isOpenAt(tender: Tender, at: Date): boolean {
  if (tender.lifecycle !== 'ACTIVE') return false;
  if (!tender.deadlineAt) return true;
  return Date.parse(tender.deadlineAt) > at.getTime();
}

export function isExampleTender(tender: Tender): boolean {
  return tender.source === 'example';
}

/** A base tender with the rectificatifs, annulations and awards that name it. */
export function applyLinks(base: Tender, links: readonly NoticeLink[] | undefined): Tender {
  if (!links?.length) return base;
  const ordered = [...links].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.sourceId.localeCompare(b.sourceId));
  const tender: Tender = { ...base, relatedSourceIds: [...new Set([...base.relatedSourceIds, ...ordered.map((link) => link.sourceId)])] };
  for (const link of ordered) {
    if (link.effect === 'CANCEL') tender.lifecycle = 'CANCELLED';
    else if (link.effect === 'AWARD' && tender.lifecycle !== 'CANCELLED') tender.lifecycle = 'AWARDED';
    else if (link.effect === 'RECTIFY' && link.deadlineAt) {
      tender.deadlineAt = link.deadlineAt;
      if (link.deadlineUncertain) tender.deadlineUncertain = true;
      else delete tender.deadlineUncertain;
    }
    if (link.publishedAt && link.publishedAt > tender.updatedAt) tender.updatedAt = link.publishedAt;
  }
  return tender;
}

function linksByTarget(links: Iterable<NoticeLink>): Map<string, NoticeLink[]> {
  const byTarget = new Map<string, NoticeLink[]>();
  for (const link of links) {
    for (const target of link.targets) {
      const list = byTarget.get(target);
      if (list) list.push(link);
      else byTarget.set(target, [link]);
    }
  }
  return byTarget;
}

interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

function stampOf(file: string): FileStamp | undefined {
  try {
    const stat = statSync(file);
    return { mtimeMs: stat.mtimeMs, size: stat.size, ino: stat.ino };
  } catch {
    return undefined;
  }
}

export class Catalogue implements TenderCatalogue {
  readonly low: Low<CatalogueData>;
  private stamp: FileStamp | undefined;
  private real: Tender[] = [];
  private byId = new Map<string, Tender>();
  private active: ActiveSet = 'example';

  constructor(
    readonly file: string,
    private examples: readonly Tender[],
    private upcoming: readonly Tender[],
  ) {
    this.low = new Low(new JsonLinesCatalogueAdapter(file), emptyData());
  }

  get activeSet(): ActiveSet {
    return this.active;
  }

  get realCount(): number {
    return this.real.length;
  }

  get exampleCount(): number {
    return this.examples.length;
  }

  get imports(): readonly ImportSummary[] {
    return this.low.data.imports;
  }

  all(): readonly Tender[] {
    return this.active === 'real' ? this.real : this.examples;
  }

  get(id: string): Tender | undefined {
    return this.byId.get(id);
  }

  isExample(tender: Tender | string): boolean {
    return typeof tender === 'string' ? tender.startsWith('example:') : isExampleTender(tender);
  }

  async load(): Promise<void> {
    const stamp = stampOf(this.file);
    await this.low.read();
    this.stamp = stamp;
    this.rebuild();
  }

  async reloadIfChanged(): Promise<boolean> {
    const stamp = stampOf(this.file);
    const same = stamp === this.stamp || (stamp && this.stamp && stamp.mtimeMs === this.stamp.mtimeMs && stamp.size === this.stamp.size && stamp.ino === this.stamp.ino);
    if (same) return false;
    await this.load();
    return true;
  }

  /** Recomputes the effective tenders (links applied) and which set is active. */
  rebuild(): void {
    const byTarget = linksByTarget(this.low.data.links);
    const imported = this.low.data.tenders.map((base) => (base.source === 'boamp' ? applyLinks(base, byTarget.get(base.sourceId)) : base));
    const importedIds = new Set(imported.map((tender) => tender.sourceId));
    // A buyer's announced purchase disappears once its BOAMP notice is in the catalogue.
    const announced = this.upcoming.filter((tender) => !tender.publishedAs || !importedIds.has(tender.publishedAs));
    this.real = [...imported, ...announced];
    this.active = this.real.length > 0 ? 'real' : 'example';
    this.byId = new Map(this.all().map((tender) => [tender.id, tender]));
  }

  /** A live reload of the knowledge: the hand-written tenders (examples, upcoming purchases) of its new version. */
  replaceKnowledgeTenders(tenders: KnowledgeTenders): void {
    this.examples = tenders.examples;
    this.upcoming = tenders.upcoming;
    this.rebuild();
  }

  /** After an import by this process: the new file is the one in memory. */
  markWritten(): void {
    this.stamp = stampOf(this.file);
    this.rebuild();
  }
}

/** Opens the catalogue of a DATA_DIR (an absent file is an empty catalogue: the examples show). */
export async function openCatalogue(dataDir: string, options: OpenCatalogueOptions = {}): Promise<Catalogue> {
  const { examples, upcoming } = options.knowledgeTenders ?? (options.knowledgeDir ? loadKnowledgeTenders(options.knowledgeDir) : { examples: [], upcoming: [] });
  const catalogue = new Catalogue(path.join(dataDir, CATALOGUE_FILE), examples, upcoming);
  await catalogue.load();
  return catalogue;
}

// --- imports ----------------------------------------------------------------------------------

export type RecordOutcome = 'created' | 'updated' | 'unchanged' | 'linked' | 'skipped' | 'rejected';

export interface RecordReport {
  /** 1-based position in the file. */
  index: number;
  sourceId?: string;
  /** Catalogue id of the tender created, updated or left unchanged. */
  id?: string;
  outcome: RecordOutcome;
  /** French: why it was skipped or refused, or what a linked notice did. */
  reason?: string;
  /** French remarks on a record that was imported (a deadline to check…). */
  notes?: string[];
}

export interface ImportReport extends ImportSummary {
  records: RecordReport[];
  /** The file ended in the middle of the records array (a partial download). */
  truncated: boolean;
  /** Ids of tenders whose effective record changed (new, updated, or changed by a link): for alerts. */
  changedIds: string[];
  /** Whether the catalogue file was rewritten (an import that changes nothing does not write). */
  written: boolean;
}

export interface ImportOptions {
  /** The import's clock (tests); by default now. */
  now?: Date;
  /** The file name to report. */
  file?: string;
  resolveOrganisation?: MapOptions['resolveOrganisation'];
  buyerName?: ApprochOptions['buyerName'];
}

export type ImportInput = unknown[] | { results: unknown[]; [key: string]: unknown } | AsyncIterable<RawRecord> | Iterable<RawRecord>;

function fingerprint(value: Tender | NoticeLink): string {
  return JSON.stringify({ ...value, updatedAt: undefined });
}

/** True when `incoming` is an older version of the same BOAMP notice than `stored`. */
function older(incoming: Tender, stored: Tender): boolean {
  const a = incoming.publishedAt ?? '';
  const b = stored.publishedAt ?? '';
  if (a !== b) return a < b;
  const va = Number(incoming.sourceVersion ?? 0);
  const vb = Number(stored.sourceVersion ?? 0);
  return Number.isFinite(va) && Number.isFinite(vb) && va < vb;
}

function linkReason(link: NoticeLink, known: boolean): string {
  const targets = link.targets.join(', ');
  const pending = known ? '' : ' (avis d’origine pas encore dans le catalogue : cela s’appliquera dès son import)';
  if (link.effect === 'CANCEL') return `annulation de l’avis ${targets} : il n’est plus présenté${pending}.`;
  if (link.effect === 'AWARD') return `avis d’attribution ou de modification : le marché ${targets} est attribué, il n’est plus présenté comme ouvert ; cet avis n’est jamais montré lui-même${pending}.`;
  if (link.deadlineAt) return `rectificatif de l’avis ${targets} : nouvelle date limite ${link.deadlineAt}${pending}.`;
  return `rectificatif de l’avis ${targets} enregistré ; il n’indique pas de nouvelle date limite lisible : les autres changements sont à lire sur l’avis${pending}.`;
}

async function* rawRecords(input: ImportInput): AsyncGenerator<RawRecord> {
  const iterable = typeof input === 'object' && input !== null && (Symbol.asyncIterator in input || Symbol.iterator in input);
  if (Array.isArray(input) || !iterable) {
    // An array or `{ results: [...] }`; anything else is refused by recordsOfValue.
    yield* recordsOfValue(input);
    return;
  }
  yield* input as AsyncIterable<RawRecord>;
}

/**
 * Runs one import under the catalogue's lock: re-reads the file (another process may have
 * imported), applies every record, and rewrites the file once, atomically, only if something
 * changed. A record that cannot be read or mapped is reported and the others go on.
 */
async function runImport(catalogue: Catalogue, source: 'boamp' | 'approch', input: ImportInput, options: ImportOptions, scan?: ScanSummary): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const release = await acquireImportLock(catalogue.file);
  try {
    await catalogue.low.read();
    const data = catalogue.low.data;
    const tenders = new Map(data.tenders.map((tender) => [tender.id, tender]));
    const links = new Map(data.links.map((link) => [link.sourceId, link]));
    const records: RecordReport[] = [];
    const touched = new Set<string>();
    let changed = false;
    const mapOptions: ApprochOptions = { today, resolveOrganisation: options.resolveOrganisation, buyerName: options.buyerName };

    for await (const raw of rawRecords(input)) {
      if (raw.error !== undefined) {
        records.push({ index: raw.index, outcome: 'rejected', reason: raw.error });
        continue;
      }
      let mapped: Mapped;
      try {
        mapped = source === 'boamp' ? mapBoampRecord(raw.record, mapOptions) : mapApprochRecord(raw.record, mapOptions);
      } catch (error) {
        mapped = { kind: 'reject', reason: `enregistrement inexploitable (${(error as Error).message}).` };
      }
      const report: RecordReport = { index: raw.index, outcome: 'rejected' };
      if (mapped.sourceId) report.sourceId = mapped.sourceId;
      if (mapped.kind === 'reject' || mapped.kind === 'skip') {
        report.outcome = mapped.kind === 'reject' ? 'rejected' : 'skipped';
        report.reason = mapped.reason;
      } else if (mapped.kind === 'tender') {
        const incoming = mapped.tender;
        const stored = tenders.get(incoming.id);
        report.id = incoming.id;
        if (mapped.notes.length) report.notes = mapped.notes;
        if (!stored) {
          tenders.set(incoming.id, incoming);
          report.outcome = 'created';
        } else if (fingerprint(stored) === fingerprint(incoming)) {
          report.outcome = 'unchanged';
        } else if (source === 'boamp' && older(incoming, stored)) {
          report.outcome = 'skipped';
          report.reason = `version plus ancienne (publiée le ${incoming.publishedAt ?? '?'}) que celle du catalogue (${stored.publishedAt ?? '?'}) : la plus récente est gardée.`;
        } else {
          tenders.set(incoming.id, incoming);
          report.outcome = 'updated';
        }
        if (report.outcome === 'created' || report.outcome === 'updated') {
          changed = true;
          touched.add(incoming.id);
        }
      } else {
        const link = mapped.link;
        const stored = links.get(link.sourceId);
        const known = link.targets.some((target) => tenders.has(`boamp:${target}`));
        report.reason = linkReason(link, known);
        if (mapped.notes.length) report.notes = mapped.notes;
        if (stored && fingerprint(stored) === fingerprint(link)) report.outcome = 'unchanged';
        else {
          links.set(link.sourceId, link);
          report.outcome = 'linked';
          changed = true;
          for (const target of [...link.targets, ...(stored?.targets ?? [])]) if (tenders.has(`boamp:${target}`)) touched.add(`boamp:${target}`);
        }
      }
      records.push(report);
    }

    const count = (outcome: RecordOutcome) => records.filter((record) => record.outcome === outcome).length;
    const summary: ImportSummary = {
      at: now.toISOString(),
      source,
      ...(options.file ? { file: options.file } : {}),
      read: records.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      linked: count('linked'),
      skipped: count('skipped'),
      rejected: count('rejected'),
    };
    if (changed) {
      catalogue.low.data = { savedAt: now.toISOString(), tenders: [...tenders.values()], links: [...links.values()], imports: [...data.imports, summary].slice(-20) };
      try {
        await catalogue.low.write();
      } catch (error) {
        // The file still holds the previous catalogue: so does memory.
        catalogue.low.data = data;
        throw error;
      }
      catalogue.markWritten();
    } else {
      catalogue.rebuild();
    }
    return { ...summary, records, truncated: scan?.truncated ?? false, changedIds: [...touched], written: changed };
  } finally {
    release();
  }
}

/** Imports BOAMP open-data records (an array, `{ results: [...] }`, or records read from a file). */
export function importBoamp(catalogue: Catalogue, records: ImportInput, options: ImportOptions = {}): Promise<ImportReport> {
  return runImport(catalogue, 'boamp', records, options);
}

/** Imports APProch open-data records (same input forms as `importBoamp`). */
export function importApproch(catalogue: Catalogue, records: ImportInput, options: ImportOptions = {}): Promise<ImportReport> {
  return runImport(catalogue, 'approch', records, options);
}

/** Streams an export file into the catalogue: any size, and a broken record costs that record only. */
export function importFile(catalogue: Catalogue, source: 'boamp' | 'approch', file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const scan: ScanSummary = { truncated: false };
  return runImport(catalogue, source, readExportFile(file, scan), { file: path.basename(file), ...options }, scan);
}
