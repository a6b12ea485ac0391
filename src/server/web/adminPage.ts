import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { sendPage } from './sendPage';

const ASSET_TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'application/javascript; charset=utf-8' };

/**
 * /admin (behind the access guard: cci only) and its scripts and style under web/admin/, served as
 * files (the CSP refuses inline script). The page calls /api/knowledge/… (docs/admin-api.md).
 */
export function registerAdminPage(server: Server, webDir: string): void {
  server.get('/admin', async (_req: Request, res: Response) => {
    sendPage(res, 200, path.join(webDir, 'admin.html'));
  });
  server.get('/web/admin/:file', async (req: Request, res: Response) => {
    // basename: no path of the request reaches outside web/admin/.
    const file = path.join(webDir, 'admin', path.basename(String(req.params.file)));
    const type = ASSET_TYPES[path.extname(file)];
    if (!type || !existsSync(file) || !statSync(file).isFile()) {
      res.send(404, { error: { code: 'NotFound', message: 'Fichier introuvable.' } });
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(file).size, 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
}
