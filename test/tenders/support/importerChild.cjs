// Child process for the catalogue crash test: imports generated BOAMP exports in a loop until killed,
// each generation with a later publication date (so every import rewrites the whole catalogue), and
// prints "ack <generation>" once that import is on disk. Loads the TypeScript sources through a
// transpile-only require hook, so the test needs no build.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true }, fileName: filename });
  module._compile(outputText, filename);
};

const { importBoamp, openCatalogue } = require('../../../src/tenders/index.ts');
const { generateBoampRecords } = require('./synthetic.cjs');

async function main() {
  const [dataDir, count, firstGeneration] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const catalogue = await openCatalogue(dataDir);
  const base = generateBoampRecords(count, 3);
  for (let generation = firstGeneration; generation < firstGeneration + 1000; generation++) {
    const day = String(1 + (generation % 28)).padStart(2, '0');
    const month = String(1 + Math.floor(generation / 28) % 12).padStart(2, '0');
    const records = base.map((record) => ({ ...record, dateparution: `2030-${month}-${day}`, objet: `${record.objet} (génération ${generation})`, gestion: undefined, donnees: undefined }));
    await importBoamp(catalogue, records);
    process.stdout.write(`ack ${generation}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
