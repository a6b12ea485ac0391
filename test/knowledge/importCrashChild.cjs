// Imports a bundle with the compiled code and dies (SIGKILL: no cleanup, no finally) at one step of the swap.
const path = require('node:path');
const [root, bundle, target, crashAt] = process.argv.slice(2);
const { importKnowledge } = require(path.join(root, 'dist/src/knowledgeBundle.js'));
importKnowledge(bundle, target, {
  onStep: (step) => {
    if (step === crashAt) process.kill(process.pid, 'SIGKILL');
  },
}).then((outcome) => process.stdout.write(JSON.stringify(outcome)));
