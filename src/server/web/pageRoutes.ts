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
 * Until the dashboard and the administration exist, /acheteurs and /admin answer a page saying
 * they are being built (behind the access guard like the real ones will be). The helpers that
 * build them replace this call with their own routes.
 */
export function registerPlaceholderPages(server: Server, webDir: string): void {
  for (const route of ['/acheteurs', '/admin']) {
    server.get(route, async (_req: Request, res: Response) => {
      sendPage(res, 200, path.join(webDir, 'en-construction.html'));
    });
  }
}
