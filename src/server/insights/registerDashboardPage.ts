import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { sendPage } from '../web/sendPage';

const ASSET_TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'application/javascript; charset=utf-8' };

/** chart.js's UMD build, from the pinned npm dependency: served by this server, never from a CDN. */
export function chartJsFile(): string {
  return path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

function sendAsset(res: Response, file: string, type: string): void {
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(file).size, 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
}

function notFound(res: Response): void {
  res.send(404, { error: { code: 'NotFound', message: 'Fichier introuvable.' } });
}

/**
 * The buyers' dashboard page (behind the access guard: /acheteurs is one of its zones), its own
 * scripts and style under web/dashboard/ (files only: the CSP refuses inline script), and chart.js.
 */
export function registerDashboardPage(server: Server, webDir: string): void {
  server.get('/acheteurs', async (_req: Request, res: Response) => {
    sendPage(res, 200, path.join(webDir, 'acheteurs.html'));
  });
  server.get('/web/dashboard/:file', async (req: Request, res: Response) => {
    const file = path.join(webDir, 'dashboard', path.basename(String(req.params.file)));
    const type = ASSET_TYPES[path.extname(file)];
    if (!type || !existsSync(file)) return notFound(res);
    sendAsset(res, file, type);
  });
  const chartJs = chartJsFile();
  server.get('/vendor/chart.js/chart.umd.min.js', async (_req: Request, res: Response) => {
    if (!existsSync(chartJs)) return notFound(res);
    sendAsset(res, chartJs, ASSET_TYPES['.js']!);
  });
}
