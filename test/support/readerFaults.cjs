// Preloaded (NODE_OPTIONS=--require) into the PDF reader processes by test/bidcheck/internalErrors.test.ts
// to stand for failures of ours, not of the file: HA30_TEST_READER_FAULT=load makes pdf-parse (pdf.js)
// fail to load; =bug makes its text extraction throw a TypeError, as a bug would.
if (process.env.HA30_READER_CHILD === '1' && process.env.HA30_TEST_READER_FAULT) {
  const Module = require('node:module');
  const load = Module._load;
  Module._load = function faultyLoad(request, ...rest) {
    if (request !== 'pdf-parse') return load.call(this, request, ...rest);
    if (process.env.HA30_TEST_READER_FAULT === 'load') throw new Error("Cannot find module 'pdf-parse' (simulated)");
    const exported = load.call(this, request, ...rest);
    exported.PDFParse.prototype.getText = async function brokenGetText() {
      throw new TypeError("Cannot read properties of undefined (reading 'items') (simulated)");
    };
    return exported;
  };
}
