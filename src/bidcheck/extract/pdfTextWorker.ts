import { parentPort } from 'node:worker_threads';
import { PdfPasswordError, readPdfText } from './pdfText';

/** Runs pdf.js text extraction off the main thread (see PdfTextPool). */
parentPort?.on('message', async (job: { id: number; bytes: Uint8Array }) => {
  try {
    const text = await readPdfText(Buffer.from(job.bytes));
    parentPort?.postMessage({ id: job.id, ok: true, pages: text.pages, info: JSON.parse(JSON.stringify(text.info ?? {})) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, ok: false, password: error instanceof PdfPasswordError, message: (error as Error).message });
  }
});
