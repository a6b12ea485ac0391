// Child process playing the running bot for the purge tests: appends `count` gap records through
// the real GapLog, a few at a time as turns do, then prints "done <count>". Loads the TypeScript
// sources through a transpile-only require hook, so the test needs no build.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true }, fileName: filename });
  module._compile(outputText, filename);
};

const { GapStore } = require('../../src/store/GapStore.ts');
const { GapLog } = require('../../src/faq/GapLog.ts');

// argv: dataDir, count, label (each question is "<label> <n>").
async function main() {
  const [dataDir, count, label] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
  const failures = [];
  const log = new GapLog(new GapStore(dataDir), { logger: { warn: (details) => failures.push(details.event) } });
  process.stdout.write('ready\n');
  for (let n = 0; n < count; n += 5) {
    const turns = [];
    for (let i = n; i < Math.min(count, n + 5); i++) turns.push(log.record({ kind: 'UNANSWERED', question: `${label} ${i}`, channel: 'webchat', topicGuess: null, confidence: 0.1 }));
    await Promise.all(turns);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  process.stdout.write(`done ${count} ${failures.length}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
