import { createReadStream, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { access, mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder } from '../files/atomicFile';
import type { Adapter } from 'lowdb';
import type { NoticeLink } from './boamp';
import type { Tender } from './types';

/**
 * The catalogue file under DATA_DIR: `tenders/catalogue.jsonl`, a header line then one JSON line
 * per tender and per link. It sits behind lowdb (the project's store library) through this
 * adapter rather than lowdb's JSONFile, because JSONFile would pretty-print 100,000 tenders as one
 * indented document and rename it without fsync: here the file is compact, written to a temporary
 * file, fsynced, renamed over the old one and the folder fsynced, so a crash at any moment leaves
 * either the previous catalogue or the new one, never a mix.
 */

export const CATALOGUE_FORMAT = 'ha30-tender-catalogue';
export const CATALOGUE_VERSION = 1;

export interface ImportSummary {
  at: string;
  source: 'boamp' | 'approch';
  file?: string;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  linked: number;
  skipped: number;
  rejected: number;
}

export interface CatalogueData {
  savedAt?: string;
  /** Tenders as their own notice states them (links are applied when the catalogue is read). */
  tenders: Tender[];
  links: NoticeLink[];
  /** The most recent imports, newest last. */
  imports: ImportSummary[];
}

interface Header {
  format: string;
  version: number;
  savedAt: string;
  tenders: number;
  links: number;
  imports: ImportSummary[];
}

/** The catalogue file cannot be read as it is: an operator must look (nothing is overwritten). */
export class CatalogueCorruptError extends Error {}

/** Another process is importing into the same catalogue. */
export class CatalogueBusyError extends Error {}

export function emptyData(): CatalogueData {
  return { tenders: [], links: [], imports: [] };
}

const WRITE_BATCH_BYTES = 1 << 20;

export class JsonLinesCatalogueAdapter implements Adapter<CatalogueData> {
  constructor(readonly file: string) {}

  async read(): Promise<CatalogueData | null> {
    try {
      await access(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return parseCatalogue(fileLines(this.file), this.file);
  }

  async write(data: CatalogueData): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp-${process.pid}`;
    const handle = await open(temp, 'w');
    try {
      const header: Header = { format: CATALOGUE_FORMAT, version: CATALOGUE_VERSION, savedAt: data.savedAt ?? new Date().toISOString(), tenders: data.tenders.length, links: data.links.length, imports: data.imports };
      let batch = `${JSON.stringify(header)}\n`;
      for (const item of [...data.tenders, ...data.links]) {
        batch += `${JSON.stringify(item)}\n`;
        if (batch.length >= WRITE_BATCH_BYTES) {
          await handle.write(batch);
          batch = '';
        }
      }
      await handle.write(batch);
      await handle.sync();
    } catch (error) {
      await handle.close();
      rmSync(temp, { force: true });
      throw error;
    }
    await handle.close();
    await rename(temp, this.file);
    syncFolder(path.dirname(this.file));
  }
}


/** The lines of a file, read in 1 MB chunks: no single string of the whole catalogue is built. */
async function* fileLines(file: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    let end = text.indexOf('\n');
    while (end >= 0) {
      yield text.slice(start, end);
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    rest = text.slice(start);
  }
  if (rest) yield rest;
}

export async function parseCatalogue(lines: AsyncIterable<string> | Iterable<string>, file: string): Promise<CatalogueData> {
  const shown = path.basename(file);
  let lineNumber = 0;
  const parse = (line: string, what: string): unknown => {
    try {
      return JSON.parse(line);
    } catch (error) {
      throw new CatalogueCorruptError(`Catalogue des marchés illisible : ${shown}, ligne ${lineNumber} (${what}) — ${(error as Error).message}. Le fichier n’a pas été modifié ; réimportez les exports ou restaurez une sauvegarde.`);
    }
  };
  let header: Header | undefined;
  const tenders: Tender[] = [];
  const links: NoticeLink[] = [];
  for await (const line of lines) {
    lineNumber++;
    if (!header) {
      const read = parse(line, 'en-tête') as Partial<Header> | null;
      if (read?.format !== CATALOGUE_FORMAT || typeof read.tenders !== 'number' || typeof read.links !== 'number') {
        throw new CatalogueCorruptError(`Catalogue des marchés illisible : ${shown} n’est pas un catalogue ha30-assistant (en-tête inattendu).`);
      }
      header = read as Header;
      if (header.version !== CATALOGUE_VERSION) throw new CatalogueCorruptError(`Catalogue des marchés au format ${String(header.version)} : cette version sait lire le format ${CATALOGUE_VERSION}.`);
      continue;
    }
    if (!line) continue;
    if (tenders.length < header.tenders) tenders.push(parse(line, 'marché') as Tender);
    else if (links.length < header.links) links.push(parse(line, 'lien') as NoticeLink);
    else throw new CatalogueCorruptError(`Catalogue des marchés illisible : ${shown} a plus de lignes (${lineNumber}) que son en-tête n’en annonce.`);
  }
  if (!header) throw new CatalogueCorruptError(`Catalogue des marchés illisible : ${shown} est vide.`);
  if (tenders.length < header.tenders || links.length < header.links) {
    throw new CatalogueCorruptError(`Catalogue des marchés incomplet : ${shown} s’arrête à la ligne ${lineNumber} alors que l’en-tête annonce ${header.tenders} marchés et ${header.links} liens. Réimportez les exports (le fichier n’a pas été modifié).`);
  }
  return { savedAt: header.savedAt, tenders, links, imports: Array.isArray(header.imports) ? header.imports : [] };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock for imports (`catalogue.lock`, holding the pid). A lock left by a process that
 * died (killed mid-import) is taken over; temporary files it left are removed.
 */
export async function acquireImportLock(file: string): Promise<() => void> {
  const lock = `${file}.lock`;
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      const release = () => rmSync(lock, { force: true });
      try {
        removeStaleTemps(file);
      } catch (error) {
        release();
        throw error;
      }
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new CatalogueBusyError(`Un autre import est en cours sur ce catalogue (processus ${holder}) : réessayez quand il sera terminé.`);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new CatalogueBusyError('Le verrou du catalogue des marchés n’a pas pu être pris : réessayez.');
}

function removeStaleTemps(file: string): void {
  const folder = path.dirname(file);
  const prefix = `${path.basename(file)}.tmp-`;
  for (const name of readdirSync(folder)) {
    if (name.startsWith(prefix)) rmSync(path.join(folder, name), { force: true, recursive: true });
  }
}
