// Runs a TypeScript entry point without a build (tests under ts-jest have no dist/): `.ts` files are
// transpiled on require with the project's TypeScript. Used only when the compiled .js is absent.
//   node scripts/ts-require.cjs src/bidcheck/extract/readerChild.ts
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
  });
  module._compile(outputText, filename);
};

if (require.main === module) require(path.resolve(process.argv[2]));
