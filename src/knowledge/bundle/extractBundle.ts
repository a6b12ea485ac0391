import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { type KnowledgeProblem, problem, quote } from '../problems';
import { type BundleLimits, BUNDLE_FORMAT, BUNDLE_ROOT, BUNDLE_VERSION, type BundleManifest, MANIFEST } from './format';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

function entryName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return UTF8.decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}

/** Why a name may not be written under the staging folder, or undefined: the zip-slip family. */
function unsafeName(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'contient un caractère de contrôle';
  if (name.includes('\\')) return 'contient une barre oblique inverse « \\ » (chemin Windows)';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'est un chemin absolu';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return 'remonte hors du dossier (« .. »)';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'a un chemin mal formé (« // » ou « . »)';
  return undefined;
}

/** The Unix file type an entry declares (0 when the archiver did not say: a plain file, as on Windows). */
function fileType(entry: yauzl.Entry): number {
  const madeByUnix = entry.versionMadeBy >> 8 === 3;
  return madeByUnix ? (entry.externalFileAttributes >>> 16) & S_IFMT : 0;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false, autoClose: true }, (error, zip) => (error || !zip ? reject(error ?? new Error('zip')) : resolve(zip))),
  );
}

function readStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error ?? new Error('stream')) : resolve(stream))));
}

class LimitExceeded extends Error {}

/** Inflates one entry through a byte cap and a hash, to `target` (or to memory when target is undefined). */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number, target: string | undefined): Promise<{ bytes: number; sha256: string; content?: Buffer }> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limit) return done(new LimitExceeded());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = await readStream(zip, entry);
  const sink = target
    ? createWriteStream(target, { flags: 'wx', mode: 0o644, flush: true })
    : async (input: AsyncIterable<Buffer>) => {
        for await (const chunk of input) chunks.push(chunk);
      };
  await pipeline(source, meter, sink);
  return { bytes, sha256: hash.digest('hex'), ...(target ? {} : { content: Buffer.concat(chunks) }) };
}

interface Extracted {
  bytes: number;
  sha256: string;
}

function manifestProblems(bundle: string, raw: Buffer | undefined, extracted: Map<string, Extracted>): KnowledgeProblem[] {
  const refuse = (what: string, fix: string) => [problem(bundle, MANIFEST, what, fix)];
  if (!raw) return refuse('n’a pas de manifest.json : ce n’est pas un paquet exporté par l’assistant', 'exportez le dossier avec « npm run --silent knowledge -- export PAQUET.zip » et importez ce paquet-là');
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(raw.toString('utf8')) as BundleManifest;
  } catch {
    return refuse('a un manifest.json illisible', 'exportez le paquet à nouveau');
  }
  if (manifest?.format !== BUNDLE_FORMAT || manifest.version !== BUNDLE_VERSION || !Array.isArray(manifest.files)) {
    return refuse(`n’est pas un paquet de connaissances de format ${BUNDLE_FORMAT} version ${BUNDLE_VERSION}`, 'exportez le paquet avec la même version de l’assistant');
  }
  const problems: KnowledgeProblem[] = [];
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const found = extracted.get(file.path);
    if (!found) problems.push(problem(bundle, `${BUNDLE_ROOT}${file.path}`, 'est annoncé par le manifeste mais absent de l’archive', 'le paquet est incomplet : exportez-le à nouveau'));
    else if (found.bytes !== file.bytes || found.sha256 !== file.sha256) problems.push(problem(bundle, `${BUNDLE_ROOT}${file.path}`, 'ne correspond pas à son empreinte du manifeste (modifié ou abîmé depuis l’export)', 'exportez le paquet à nouveau ; pour changer un fichier, modifiez le dossier puis exportez-le'));
  }
  for (const name of extracted.keys()) {
    if (!listed.has(name)) problems.push(problem(bundle, `${BUNDLE_ROOT}${name}`, 'n’est pas dans le manifeste (ajouté après l’export)', 'exportez le paquet à nouveau depuis le dossier complet'));
  }
  return problems;
}

/**
 * Unpacks a knowledge bundle into `staging` (an empty folder), with the bid check's ZIP limits:
 * every entry is judged before it is inflated — no absolute path, no "..", no link or special file,
 * no encryption, sizes, ratio and entry count within the budget — then the bytes are counted again
 * while they inflate, and each file must match the manifest's sha256. Any problem refuses the whole
 * bundle (the caller removes `staging`); the problems' `file` is the bundle's name, `path` the entry.
 */
export async function extractBundle(zipFile: string, staging: string, limits: BundleLimits): Promise<KnowledgeProblem[]> {
  const bundle = path.basename(zipFile);
  const refuse = (at: string, what: string, fix: string) => problem(bundle, at, what, fix);
  let size: number;
  try {
    size = statSync(zipFile).size;
  } catch {
    return [refuse('/', 'est introuvable', 'vérifiez le chemin du paquet')];
  }
  if (size > limits.maxTotalUncompressedBytes) return [refuse('/', `pèse ${size} octets, plus que les ${limits.maxTotalUncompressedBytes} admis`, 'un dossier de connaissances pèse quelques mégaoctets : vérifiez que c’est le bon fichier')];
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipFile);
  } catch (error) {
    return [refuse('/', `n’est pas une archive ZIP lisible (${(error as Error).message})`, 'exportez le paquet à nouveau avec « npm run --silent knowledge -- export »')];
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return [refuse('/', `contient ${zip.entryCount} entrées, plus que les ${limits.maxEntries} admises`, 'ce n’est pas un paquet de connaissances : vérifiez le fichier')];
  }
  const problems: KnowledgeProblem[] = [];
  const extracted = new Map<string, Extracted>();
  const seen = new Set<string>();
  let manifest: Buffer | undefined;
  let remaining = limits.maxTotalUncompressedBytes;
  const root = path.resolve(staging);
  await new Promise<void>((resolve) => {
    const next = () => zip.readEntry();
    zip.on('error', (error: Error) => {
      problems.push(refuse('/', `est une archive abîmée (${error.message})`, 'exportez le paquet à nouveau'));
      resolve();
    });
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      void (async () => {
        const name = entryName(entry.fileName as unknown as Buffer, (entry.generalPurposeBitFlag & 0x800) !== 0);
        const at = quote(name, 80).slice(2, -2);
        const unsafe = unsafeName(name);
        const type = fileType(entry);
        const isDir = name.endsWith('/') || type === S_IFDIR;
        const folded = name.toLowerCase().replace(/\/$/, '');
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 1;
        const refusal = unsafe
          ? `${unsafe} : refusé pour ne rien écrire hors du dossier`
          : type === S_IFLNK
            ? 'est un lien symbolique : refusé, il pourrait désigner un fichier hors du dossier'
            : type !== 0 && type !== S_IFREG && type !== S_IFDIR
              ? 'est un fichier spécial (ni fichier ni dossier) : refusé'
              : (entry.generalPurposeBitFlag & 0x1) !== 0
                ? 'est chiffré : un paquet de connaissances ne l’est jamais'
                : name !== MANIFEST && !name.startsWith(BUNDLE_ROOT)
                  ? `n’est ni ${MANIFEST} ni sous ${BUNDLE_ROOT} : ce n’est pas un paquet de connaissances`
                  : seen.has(folded)
                    ? 'figure deux fois dans l’archive (à la casse près)'
                    : !isDir && (entry.uncompressedSize > limits.maxFileBytes || entry.uncompressedSize > remaining || ratio > limits.maxCompressionRatio)
                      ? `est trop gros une fois décompressé (${entry.uncompressedSize} octets annoncés, taux ${Number.isFinite(ratio) ? Math.round(ratio) : '∞'}) : refusé comme une bombe ZIP`
                      : undefined;
        seen.add(folded);
        if (refusal) {
          problems.push(refuse(at, refusal, 'n’importez que des paquets faits par « npm run --silent knowledge -- export »'));
          return next();
        }
        if (isDir || problems.length > 0) return next();
        const relative = name === MANIFEST ? undefined : name.slice(BUNDLE_ROOT.length);
        const target = relative === undefined ? undefined : path.resolve(root, relative);
        if (target && !target.startsWith(`${root}${path.sep}`)) {
          problems.push(refuse(at, 'sortirait du dossier : refusé', 'n’importez que des paquets faits par « npm run --silent knowledge -- export »'));
          return next();
        }
        try {
          if (target) mkdirSync(path.dirname(target), { recursive: true });
          const limit = relative === undefined ? MAX_MANIFEST_BYTES : Math.min(limits.maxFileBytes, remaining);
          const read = await inflate(zip, entry, limit, target);
          remaining -= read.bytes;
          if (relative === undefined) manifest = read.content;
          else extracted.set(relative, { bytes: read.bytes, sha256: read.sha256 });
        } catch (error) {
          const tooBig = error instanceof LimitExceeded;
          problems.push(refuse(at, tooBig ? 'dépasse la taille admise en se décompressant : refusé comme une bombe ZIP' : `n’a pas pu être décompressé (${(error as Error).message})`, tooBig ? 'vérifiez le fichier : un dossier de connaissances pèse quelques mégaoctets' : 'exportez le paquet à nouveau'));
        }
        next();
      })();
    });
    next();
  });
  if (problems.length > 0) return problems;
  return manifestProblems(bundle, manifest, extracted);
}
