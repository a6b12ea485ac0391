import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { sendPage } from './sendPage';

/** The sign-in page (web/connexion.html, its script and style served from /web/). */
export function registerSignInPage(server: Server, webDir: string): void {
  server.get('/connexion', async (_req: Request, res: Response) => {
    sendPage(res, 200, path.join(webDir, 'connexion.html'));
  });
}

/**
 * Until the administration exists, /admin answers a page saying it is being built (behind the
 * access guard like the real one will be); /acheteurs is the dashboard's (src/server/insights).
 */
export function registerPlaceholderPages(server: Server, webDir: string): void {
  for (const route of ['/admin']) {
    server.get(route, async (_req: Request, res: Response) => {
      sendPage(res, 200, path.join(webDir, 'en-construction.html'));
    });
  }
}
