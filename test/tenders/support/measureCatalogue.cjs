// Measures the catalogue at scale, on the compiled code (npm run build first):
//   node test/tenders/support/measureCatalogue.cjs [count]
// Imports `count` generated BOAMP records from a file (import time), then loads the catalogue in a
// fresh process (load time, RSS). Prints one JSON line.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../../..');
const tenders = require(path.join(ROOT, 'dist/src/tenders'));

async function load(dataDir) {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const catalogue = await tenders.openCatalogue(dataDir);
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  const loadCpuMs = Math.round((used.user + used.system) / 1000);
  global.gc?.();
  return { loadMs: Math.round(loadMs), loadCpuMs, tenders: catalogue.all().length, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
}

async function main() {
  if (process.argv[2] === '--load') {
    process.stdout.write(`${JSON.stringify(await load(process.argv[3]))}\n`);
    return;
  }
  const count = Number(process.argv[2] ?? 100000);
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-tenders-measure-'));
  try {
    const { generateBoampRecords } = require('./synthetic.cjs');
    const exportFile = path.join(dir, 'export.json');
    writeFileSync(exportFile, JSON.stringify({ total_count: count, results: generateBoampRecords(count, 7) }));
    const catalogue = await tenders.openCatalogue(path.join(dir, 'data'));
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const report = await tenders.importFile(catalogue, 'boamp', exportFile);
    const importMs = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    const importCpuMs = Math.round((used.user + used.system) / 1000);
    const started2 = process.hrtime.bigint();
    const again = await tenders.importFile(catalogue, 'boamp', exportFile);
    const reimportMs = Number(process.hrtime.bigint() - started2) / 1e6;
    const loaded = JSON.parse(execFileSync(process.execPath, ['--expose-gc', __filename, '--load', path.join(dir, 'data')], { encoding: 'utf8' }));
    process.stdout.write(
      `${JSON.stringify({
        records: count,
        exportMb: Math.round(statSync(exportFile).size / 2 ** 20),
        catalogueMb: Math.round(statSync(catalogue.file).size / 2 ** 20),
        created: report.created,
        importMs: Math.round(importMs),
        importCpuMs,
        loadavg: require('node:os').loadavg()[0].toFixed(1),
        reimportUnchanged: again.unchanged,
        reimportMs: Math.round(reimportMs),
        ...loaded,
      })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
