// Ordinary words the trade → CPV typo reading must leave alone: every distinct word of knowledge/,
// bench/faq/ and test/fixtures, given alone to suggestCpv on this build and on a baseline build
// (main, with no typo reading); prints each word whose codes differ. A right word should never
// change codes; a misspelling in those files may.
// Run: npm run --silent build && node bench/tradeTyposCorpus.mjs <baseline>/dist [other/dist …]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.(json|md|txt|csv|ya?ml|html|xml|ts)$/i.test(name)) files.push(full);
  }
};
for (const dir of ['knowledge', 'bench/faq', 'test/fixtures']) walk(path.join(root, dir));
const distinct = new Set();
for (const file of files) for (const word of readFileSync(file, 'utf8').toLowerCase().match(/\p{L}+/gu) ?? []) distinct.add(word);
const load = async (dist) => (await import(`${path.resolve(dist)}/src/tenders/match/cpv.js`)).suggestCpv;
const [baselineDir, ...others] = process.argv.slice(2);
const builds = [['this build', await load(path.join(root, 'dist'))], ...(await Promise.all(others.map(async (d) => [d, await load(d)])))];
const baseline = await load(baselineDir);
const codes = (suggest, word) => suggest(word, 5).map((s) => s.code).join(' ');
console.log(`${distinct.size} distinct words from ${files.length} files`);
for (const [name, suggest] of builds) {
  const changed = [];
  for (const word of [...distinct].sort()) {
    const was = codes(baseline, word);
    const got = codes(suggest, word);
    if (was !== got) changed.push(`  ${word}: ${was || '—'} → ${got || '—'}`);
  }
  console.log(`${name}: ${changed.length} words change codes vs the baseline`);
  for (const line of changed) console.log(line);
}
