import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import path from 'node:path';

/** The folders whose code shapes a trained FAQ model: the classifier and the text folding it uses. */
const MODEL_CODE = [path.resolve(__dirname, '../faq'), path.resolve(__dirname, '../text')];

/** Bumped when the cache file's layout changes (faqModelJson.ts). */
const CACHE_FORMAT = 'faq-model-1';

let memo: string | undefined;

/**
 * A fingerprint of the code that trains the FAQ model: the bytes of the files it runs (compiled .js
 * from dist/, the .ts sources under jest), the stemmer's version and the byte order the typed arrays
 * are stored in — so a code change never reuses a model trained by other code.
 */
export function faqCodeFingerprint(folders: readonly string[] = MODEL_CODE): string {
  if (folders === MODEL_CODE && memo) return memo;
  const extension = path.extname(__filename);
  const hash = createHash('sha256').update(`${CACHE_FORMAT}\n${endianness()}\n${stemmerVersion()}\n`);
  for (const folder of folders) {
    for (const name of readdirSync(folder).filter((file) => file.endsWith(extension)).sort()) {
      hash.update(`${path.basename(folder)}/${name}\n`).update(readFileSync(path.join(folder, name)));
    }
  }
  const fingerprint = hash.digest('hex');
  if (folders === MODEL_CODE) memo = fingerprint;
  return fingerprint;
}

function stemmerVersion(): string {
  try {
    return String((JSON.parse(readFileSync(require.resolve('natural/package.json'), 'utf8')) as { version?: unknown }).version);
  } catch {
    return 'unknown';
  }
}
