// Runs once before the suites: compiles dist/ (incrementally: a second run with no change takes a
// second or two) so that the CLI and bot-process suites run the program as `npm start` and
// `npm run check` do, without each compiling it again, concurrently, into the same folder.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

module.exports = async function buildOnce() {
  // Trained FAQ models shared by the app starts of every jest worker (and the bot processes they
  // spawn): a FAQ trained once per code version. In the project, not in a world-writable /tmp.
  process.env.FAQ_CACHE_DIR ??= path.join(ROOT, 'node_modules/.cache/ha30-faq');
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || String(error.message);
    throw new Error(`La compilation de dist/ (tsc -p tsconfig.build.json) a échoué, les tests ne peuvent pas tourner :\n${output}`);
  }
};
