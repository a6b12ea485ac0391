import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { sendPage } from '../web/sendPage';

const ASSET_TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'application/javascript; charset=utf-8' };

/**
 * /admin (behind the access guard: cci only) serves web/admin.html, its scripts and style under
 * web/admin/; until that page exists, the « en construction » page, as before.
 */
export function registerAdminPage(server: Server, webDir: string): void {
  server.get('/admin', async (_req: Request, res: Response) => {
    const page = path.join(webDir, 'admin.html');
    sendPage(res, 200, existsSync(page) ? page : path.join(webDir, 'en-construction.html'));
  });
  server.get('/web/admin/:file', async (req: Request, res: Response) => {
    const file = path.join(webDir, 'admin', path.basename(String(req.params.file)));
    const type = ASSET_TYPES[path.extname(file)];
    if (!type || !existsSync(file)) {
      res.send(404, { error: { code: 'NotFound', message: 'Fichier introuvable.' } });
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(file).size, 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
}
