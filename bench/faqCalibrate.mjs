#!/usr/bin/env node
// npm run bench:faq -- --calibrate: sets the thresholds of knowledge/faq/settings.json from held-out
// readings — 5-fold cross-validation over the topics' phrasings and the out-of-scope questions, plus
// bench/faq/dev.json read by the full model — and records how in `calibration`. Never reads heldout.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { calibrate, CHOICE_COST, CHOICE_GAIN, crossValidate, evalSet, fingerprint, FOLDS, FaqClassifier, loadFaqKnowledge, reading, SETTINGS_FILE, WRONG_ANSWER_COST } from './faqShared.mjs';

export function runCalibration() {
  const knowledge = loadFaqKnowledge();
  const started = Date.now();
  const readings = crossValidate(knowledge, FOLDS);
  const dev = evalSet('dev') ?? [];
  const full = new FaqClassifier(knowledge);
  readings.push(...dev.map((question) => reading(question, full.score(question.q))));
  const result = calibrate(readings);
  const file = JSON.parse(readFileSync(SETTINGS_FILE, 'utf8'));
  const settings = {
    ...file,
    answerThreshold: result.answerThreshold,
    askThreshold: result.askThreshold,
    ambiguityMargin: result.ambiguityMargin,
    minCoverage: result.minCoverage,
    calibration: {
      method:
        `Isotonic regressions over held-out readings (${FOLDS}-fold cross-validation on the phrasings and out-of-scope questions, plus bench/faq/dev.json read by the full model), on the questions passing the coverage gate: ` +
        `curves.answer = share of right best topics by lead of the best topic's probability over the second's (p1 − p2), curves.pair = share where one of the two best is right by p1 + p2. ` +
        `Thresholds chosen on the same readings to maximise right answers minus ${WRONG_ANSWER_COST} × wrong answers (a choice between two topics: +${CHOICE_GAIN} if one is right, −${CHOICE_COST} if not).`,
      command: 'npm run bench:faq -- --calibrate',
      at: new Date().toISOString().slice(0, 10),
      fingerprint: fingerprint(knowledge),
      readings: { phrasings: readings.filter((r) => r.question.kind === 'phrasing').length, outOfScope: readings.filter((r) => r.question.kind === 'outOfScope').length, dev: dev.length },
      outcome: result.outcome,
      curves: result.curves,
    },
  };
  writeFileSync(SETTINGS_FILE, `${JSON.stringify(settings, null, 2)}\n`);
  return { result, seconds: (Date.now() - started) / 1000, readings: settings.calibration.readings };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { result, seconds, readings } = runCalibration();
  const { curves, outcome, ...thresholds } = result;
  console.log(`Calibrated in ${seconds.toFixed(1)} s on ${JSON.stringify(readings)}: ${JSON.stringify(thresholds)}`);
  console.log(`Held-out outcome: ${JSON.stringify(outcome)}`);
}
