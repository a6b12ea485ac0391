import type { ServerResponse } from 'node:http';
import type { Period } from '../../insights';

/** `ha30-questions-sans-reponse_2026-11-01_2026-11-30.csv`: ASCII only, so no RFC 5987 encoding is needed. */
export function fileName(base: string, period: Period, extension: 'csv' | 'pdf'): string {
  const span = [period.from ?? 'debut', period.to ?? 'aujourdhui'];
  return `ha30-${base}${period.from || period.to ? `_${span.join('_')}` : ''}.${extension}`;
}

function sendBody(res: ServerResponse, body: Buffer, contentType: string, name: string): void {
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** A CSV as web-contract §3 asks (the BOM and `;` come from toCsv), downloaded rather than shown. */
export function sendCsv(res: ServerResponse, name: string, csv: string): void {
  sendBody(res, Buffer.from(csv, 'utf8'), 'text/csv; charset=utf-8', name);
}

export function sendPdf(res: ServerResponse, name: string, pdf: Uint8Array): void {
  sendBody(res, Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), 'application/pdf', name);
}
