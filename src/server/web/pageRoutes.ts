import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { sendPage } from './sendPage';

/** The sign-in page (web/connexion.html, its script and style served from /web/). */
export function registerSignInPage(server: Server, webDir: string): void {
  server.get('/connexion', async (_req: Request, res: Response) => {
    sendPage(res, 200, path.join(webDir, 'connexion.html'));
  });
}
