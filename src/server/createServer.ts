import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Activity, TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import type { BotConnection } from '../bot/createAdapter';
import type { Config } from '../config';
import { type Logger, scrubError } from '../logger';
import { KeyedQueue } from './KeyedQueue';
import type { TurnTracker } from './TurnTracker';
import { isLocalRequest } from './http/clientAddress';
import { guardConnections } from './http/guardConnections';
import { HttpError } from './http/HttpError';
import { readJsonBody } from './http/readJsonBody';
import { applyHeaders, securityHeaders } from './http/securityHeaders';
import { frenchRestifyError, sendError } from './http/sendError';
import { type DirectLineDeps, registerDirectLine } from './directline/registerDirectLine';
import { type InsightsRoutesDeps, registerDashboardPage, registerInsightsRoutes } from './insights';
import { type AccountRoutesDeps, type AdminRoutesDeps, registerAccountRoutes, registerAdminPage, registerKnowledgeRoutes, registerStatusRoute, type StatusRouteDeps } from './admin';
import { registerWebAccess, requireUser, type WebAccessDeps } from './web';

export interface ServerDeps {
  config: Config;
  logger: Logger;
  /** Authenticates /api/messages (anonymous when no App ID is configured). */
  connection: BotConnection;
  logic: (context: TurnContext) => Promise<void>;
  tracker: TurnTracker;
  /** While stopping, new requests get 503; the bot's own replies (and health checks) still get through. */
  lifecycle?: { stopping: boolean };
  /** The local Direct Line's own parts (omitted when DIRECTLINE_ENABLED is false). */
  directLine?: Omit<DirectLineDeps, 'logic' | 'tracker' | 'logger' | 'config' | 'uploadMaxBytes' | 'localOrigin'>;
  /** Buyers' and CCI's sign-in; always there, so that nothing under /acheteurs, /admin or their APIs is ever unguarded. */
  web: Pick<WebAccessDeps, 'authenticator' | 'organisationName'>;
  /** The buyers' dashboard and its APIs (behind the guard); without them /acheteurs answers 404 once signed in. */
  insights?: Omit<InsightsRoutesDeps, 'currentUser' | 'logger'>;
  /** The CCI's knowledge editor and accounts (docs/admin-api.md); without them /api/knowledge answers 404 once signed in. */
  admin?: Pick<AdminRoutesDeps, 'editor'> & Pick<AccountRoutesDeps, 'accounts' | 'organisations'> & Partial<Pick<StatusRouteDeps, 'status'>>;
}

const ACTIVITY_JSON = { maxBytes: 1024 * 1024, maxDepth: 64 };
const STATIC_TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };

function sendFile(res: Response, file: string, contentType: string): void {
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': statSync(file).size, 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
}

/** An activity from JSON as the adapter expects it (dates as Date, the raw strings kept). */
function toTurnActivity(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const key of ['timestamp', 'localTimestamp', 'expiration']) {
    if (typeof activity[key] === 'string') {
      activity[`raw${key[0]!.toUpperCase()}${key.slice(1)}`] = activity[key];
      activity[key] = new Date(activity[key] as string);
    }
  }
  return activity as unknown as Activity;
}

/** restify only: routes, parsing and status codes. The bot and the dialogs are given, not known. */
export function createServer(deps: ServerDeps): Server {
  const { config, logger, connection, logic, tracker } = deps;
  // restify's own log lines go through our logger, whose serializers keep headers and URLs out.
  const server = restify.createServer({ name: 'ha30-assistant', handleUncaughtExceptions: false, log: logger.child({ component: 'restify' }) as unknown as restify.ServerOptions['log'] });
  const headers = securityHeaders(config.frameAncestors);
  const turns = new KeyedQueue();
  guardConnections(server);
  server.pre((req: Request, res: Response, next: (stop?: false) => void) => {
    applyHeaders(res, headers);
    if (deps.lifecycle?.stopping && !req.url?.startsWith('/_bot/') && req.url !== '/healthz') {
      res.setHeader('Connection', 'close');
      res.send(503, { error: { code: 'ShuttingDown', message: 'Le service redémarre : réessayez dans quelques secondes.' } });
      next(false);
      return;
    }
    next();
  });
  registerWebAccess(server, { ...deps.web, webDir: config.webDir, trustProxy: config.trustProxy, publicHostname: config.accounts.publicHostname });
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    try {
      const body = await readJsonBody(req, ACTIVITY_JSON);
      const given = body as { type?: unknown } | null;
      if (!given || typeof given !== 'object' || Array.isArray(given) || typeof given.type !== 'string' || !given.type) {
        throw new HttpError(400, 'BadArgument', 'Activité invalide : un objet JSON avec un champ "type" est attendu.');
      }
      const activity = toTurnActivity(given as Record<string, unknown>);
      // Without an App ID nothing is authenticated: that mode is for the Emulator on this machine,
      // so a request from elsewhere (or relayed by a proxy) is refused rather than served anonymously.
      if (!config.microsoftApp.id && !isLocalRequest(req)) {
        throw new HttpError(403, 'Forbidden', 'Sans MicrosoftAppId, /api/messages n’accepte que les appels de cette machine (Bot Framework Emulator). Configurez l’identité Azure Bot pour Teams.');
      }
      let authenticated;
      try {
        authenticated = await connection.authenticate(activity, String(req.headers.authorization ?? ''));
      } catch {
        throw new HttpError(401, 'Unauthorized', 'Authentification Bot Framework refusée : jeton absent, invalide ou expiré.');
      }
      // Invokes and expectReplies need their answer in this HTTP response; the rest is acknowledged at
      // once (Teams and the Bot Service give up after ~15 s) and the bot replies through the connector.
      if (activity.type === 'invoke' || activity.deliveryMode === 'expectReplies') {
        const answer = await tracker.track(connection.run(authenticated, activity, logic));
        res.send(answer?.status ?? 200, answer?.body);
        return;
      }
      res.send(202);
      // One turn at a time per conversation, in order: two quick messages must not race on its state.
      const key = `${String(activity.channelId)}|${String(activity.conversation?.id)}`;
      void tracker.track(
        turns.run(key, () =>
          connection.run(authenticated, activity, logic).then(
            () => undefined,
            (error: unknown) => {
              logger.error({ event: 'turn_failed', err: scrubError(error) }, 'background turn failed');
            },
          ),
        ),
      );
    } catch (error) {
      if (!(error instanceof HttpError)) logger.error({ event: 'messages_failed', err: scrubError(error) }, 'request failed');
      sendError(res, error);
    }
  });

  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    res.send(204);
  });
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', inFlightTurns: tracker.size });
  });

  const webchatBundle = path.join(config.vendorDir, 'webchat', 'webchat.js');
  server.get('/', async (_req: Request, res: Response) => {
    if (!deps.directLine) {
      res.send(404, { error: { code: 'WebChatDisabled', message: 'Le Web Chat local est désactivé sur ce serveur (DIRECTLINE_ENABLED=false).' } });
      return;
    }
    sendFile(res, path.join(config.webDir, 'index.html'), 'text/html; charset=utf-8');
  });
  server.get('/webchat/webchat.js', async (_req: Request, res: Response) => {
    if (!existsSync(webchatBundle)) {
      res.send(503, { error: { code: 'WebChatMissing', message: 'Le widget Web Chat n’est pas installé : lancez « npm run setup:webchat ».' } });
      return;
    }
    sendFile(res, webchatBundle, 'application/javascript; charset=utf-8');
  });
  server.get('/web/:file', async (req: Request, res: Response) => {
    const file = path.join(config.webDir, path.basename(String(req.params.file)));
    const type = STATIC_TYPES[path.extname(file)];
    if (!type || !existsSync(file)) {
      res.send(404, { error: { code: 'NotFound', message: 'Fichier introuvable.' } });
      return;
    }
    sendFile(res, file, type);
  });

  registerAdminPage(server, config.webDir);
  if (deps.admin) {
    registerKnowledgeRoutes(server, { editor: deps.admin.editor, currentUser: requireUser, logger });
    registerAccountRoutes(server, { ...deps.admin, currentUser: requireUser, logger });
    if (deps.admin.status) registerStatusRoute(server, { status: deps.admin.status, currentUser: requireUser, logger });
  }
  if (deps.insights) {
    registerDashboardPage(server, config.webDir);
    registerInsightsRoutes(server, { ...deps.insights, currentUser: requireUser, logger });
  }

  if (deps.directLine) {
    registerDirectLine(server, {
      ...deps.directLine,
      logic,
      tracker,
      logger,
      config: config.directLine,
      uploadMaxBytes: config.uploadMaxBytes,
      localOrigin: () => {
        const address = server.address();
        const host = !address.address || address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
        return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
      },
    });
  }

  server.on('restifyError', (req: Request, _res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    if ((error.statusCode ?? 500) >= 500) logger.error({ event: 'http_error', route: req.getRoute()?.path, err: scrubError(error) }, 'request failed');
    frenchRestifyError(error);
    callback();
  });
  return server;
}
