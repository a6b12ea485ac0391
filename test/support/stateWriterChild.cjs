// Child process for the crash test: writes conversation state in a loop until killed (or 20 s),
// printing "ack <worker> <round>" once that save is on disk. Loads the TypeScript sources through a tiny
// transpile-only require hook, so the test needs no build.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true }, fileName: filename });
  module._compile(outputText, filename);
};

const { Database } = require('../../src/store/database.ts');
const { StateStore } = require('../../src/store/StateStore.ts');

// argv: dataDir, shard count, generation (a number that grows from one run to the next),
// compactAfterBytes (small: the snapshots are rewritten often, so kills also land in those writes).
async function main() {
  const [dataDir, shards, generation, compactAfterBytes] = process.argv.slice(2).map((arg, i) => (i === 0 ? arg : Number(arg)));
  const db = await Database.open(dataDir, { shards, compactAfterBytes });
  const store = new StateStore(db);
  const filler = 'x'.repeat(8000);
  const stopAt = Date.now() + 20_000;
  // Five turns saving at once, round after round, as under load: a shard write is nearly always in flight.
  const worker = async (w) => {
    for (let round = 0; Date.now() < stopAt; round++) {
      await store.write({ [`test/conversations/w${w}-${round % 150}`]: { counter: generation * 1_000_000 + round, filler } });
      process.stdout.write(`ack ${w} ${round}\n`);
    }
  };
  await Promise.all([0, 1, 2, 3, 4].map(worker));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
