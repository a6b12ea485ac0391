#!/usr/bin/env node
// npm run bench — figures recorded in bench/RESULTS.md.
// 1. Dossier speed: 10 text PDFs of ~60 pages checked end to end (intake, text, classification,
//    facts, 45 rules) beside poppler's pdftotext on the same files, median of several runs; peak RSS.
// 2. Classification accuracy on a held-out set: documents written with wordings that the tests and
//    the markers were never tuned on (bench/holdout.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { HOLDOUT } from './holdout.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { checkDossier, DEFAULT_LIMITS } = require(path.join(root, 'dist/src/bidcheck/index.js'));
const { loadKnowledge } = require(path.join(root, 'dist/src/loadKnowledge.js'));
const knowledge = loadKnowledge(path.join(root, 'knowledge'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const WORDS = 'le titulaire exécute les prestations conformément au cahier des clauses techniques particulières et aux règles de l art chaque intervention donne lieu à un compte rendu transmis au maître d ouvrage dans un délai de huit jours'.split(' ');
async function longPdf(seed, pages) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    if (p === 0) page.drawText(seed % 2 ? 'MEMOIRE TECHNIQUE' : 'CAHIER DES CLAUSES TECHNIQUES PARTICULIERES', { x: 40, y: 800, size: 16, font });
    for (let line = 0; line < 48; line++) {
      const words = Array.from({ length: 14 }, (_, i) => WORDS[(seed * 7 + p * 13 + line * 3 + i) % WORDS.length]);
      page.drawText(`${p + 1}.${line + 1} ${words.join(' ')}`, { x: 40, y: 770 - line * 15, size: 9, font });
    }
  }
  return Buffer.from(await doc.save());
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function speed() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-bench-'));
  const files = [];
  for (let i = 0; i < 10; i++) {
    const bytes = await longPdf(i, 60);
    const file = path.join(dir, `doc${i}.pdf`);
    writeFileSync(file, bytes);
    files.push({ name: `doc${i}.pdf`, bytes, file });
  }
  let havePdftotext = true;
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    havePdftotext = false;
  }
  await checkDossier(files, {}, knowledge, { limits: DEFAULT_LIMITS }); // warm-up (pdf.js worker, JIT)
  const ours = [];
  const theirs = [];
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    await checkDossier(files, {}, knowledge, { limits: DEFAULT_LIMITS });
    ours.push(performance.now() - start);
    if (havePdftotext) {
      start = performance.now();
      for (const { file } of files) execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
      theirs.push(performance.now() - start);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const totalMb = files.reduce((sum, f) => sum + f.bytes.length, 0) / 1048576;
  return { ours: median(ours), theirs: havePdftotext ? median(theirs) : undefined, totalMb, pages: 600 };
}

async function samplePdf(sample) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  sample.lines.forEach((line, i) => page.drawText(line, { x: 40, y: 800 - i * 14, size: 9, font }));
  return Buffer.from(await doc.save());
}

/** The same page as a greyscale 150 dpi picture in a PDF: what a scanner gives. */
async function scanned(bytes) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-bench-scan-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), bytes);
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    const doc = await PDFDocument.create();
    const image = await doc.embedPng(readFileSync(path.join(dir, 'page.png')));
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    return Buffer.from(await doc.save());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function accuracy(asScan) {
  let right = 0;
  const misses = [];
  const start = performance.now();
  for (const sample of HOLDOUT) {
    let bytes = await samplePdf(sample);
    if (asScan) bytes = await scanned(bytes);
    const report = await checkDossier([{ name: sample.file, bytes }], {}, knowledge, { limits: DEFAULT_LIMITS });
    const got = report.documents[0].type;
    if (got === sample.type) right++;
    else misses.push(`${sample.file}: attendu ${sample.type}, obtenu ${got}`);
  }
  return { right, total: HOLDOUT.length, misses, msPerDoc: (performance.now() - start) / HOLDOUT.length };
}

const s = await speed();
const a = await accuracy(false);
let scan;
try {
  execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
  scan = await accuracy(true);
} catch {
  scan = undefined;
}
const rssMb = process.resourceUsage().maxRSS / 1024;
const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 1073741824)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; median of ${RUNS} runs`,
  `Dossier: 10 text PDFs, ${s.pages} pages, ${s.totalMb.toFixed(1)} MB`,
  `  checkDossier end to end: ${s.ours.toFixed(0)} ms`,
  s.theirs !== undefined ? `  pdftotext on the same files: ${s.theirs.toFixed(0)} ms  → ratio ${(s.ours / s.theirs).toFixed(2)}× (target ≤ 2×)` : '  pdftotext: not installed (apt-get install poppler-utils)',
  `  peak RSS of the benchmark process: ${rssMb.toFixed(0)} MB`,
  `Classification on the held-out set: ${a.right}/${a.total} (${((100 * a.right) / a.total).toFixed(0)} %)`,
  ...a.misses.map((miss) => `  miss — ${miss}`),
  scan
    ? `Same held-out set scanned (150 dpi greyscale image, read by OCR): ${scan.right}/${scan.total} (${((100 * scan.right) / scan.total).toFixed(0)} %), ${scan.msPerDoc.toFixed(0)} ms per document`
    : 'Scanned held-out set: skipped (tesseract not installed)',
  ...(scan?.misses ?? []).map((miss) => `  scan miss — ${miss}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
