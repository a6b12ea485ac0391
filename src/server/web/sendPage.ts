import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

/** A static HTML page of web/ with the given status (the pages are small: read whole). */
export function sendPage(res: ServerResponse, status: number, file: string, headers: Record<string, string> = {}): void {
  const html = readFileSync(file);
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': html.length, 'Cache-Control': 'no-store', ...headers });
  res.end(html);
}
