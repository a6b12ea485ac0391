// Shared by bench/faq.mjs and bench/faqCalibrate.mjs: the FAQ as the app builds it, and the
// evaluation sets of bench/faq/ (dev: calibrate on it; heldout: report only, never tune on it).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');
export const SETTINGS_FILE = path.join(KNOWLEDGE_DIR, 'faq/settings.json');

// ---- The only place that knows the internal API (adapt here if src/faq changes). ----
const { readKnowledgeFiles } = require(path.join(ROOT, 'dist/src/knowledge/loadKnowledge.js'));
const faqModule = require(path.join(ROOT, 'dist/src/faq/index.js'));
const crossModule = require(path.join(ROOT, 'dist/src/faq/crossValidate.js'));
const calibrateModule = require(path.join(ROOT, 'dist/src/faq/calibrate.js'));
export const { FaqClassifier, FaqService, gapKindOf } = faqModule;
export const { crossValidate, reading, isRight } = crossModule;
export const { calibrate, outcomeOf, WRONG_ANSWER_COST, CHOICE_GAIN, CHOICE_COST } = calibrateModule;
export const loadFaqKnowledge = () => faqModule.loadFaq(readKnowledgeFiles(KNOWLEDGE_DIR));
// -------------------------------------------------------------------------------------

export const FOLDS = 5;

/** bench/faq/NAME.json's questions, or null when that set is not written yet. */
export function evalSet(name) {
  const file = path.join(ROOT, 'bench/faq', `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).questions : null;
}

/** What the model was trained and calibrated on: a changed phrasing makes the calibration stale. */
export function fingerprint(knowledge) {
  const { calibration, answerThreshold, askThreshold, ambiguityMargin, minCoverage, ...rest } = knowledge.settings;
  return createHash('sha256').update(JSON.stringify([knowledge.topics, rest])).digest('hex').slice(0, 16);
}
