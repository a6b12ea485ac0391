import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { BotConnection } from '../bot/createAdapter';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { TurnTracker } from './TurnTracker';
import { registerDirectLine } from './directline/registerDirectLine';

export interface ServerDeps {
  config: Config;
  logger: Logger;
  /** Authenticates /api/messages (anonymous when no App ID is configured). */
  connection: BotConnection;
  /** Always anonymous: the in-process adapter behind the local Web Chat. */
  localAdapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  tracker: TurnTracker;
}

const ACTIVITY_LIMIT_BYTES = 1024 * 1024;

function sendFile(res: Response, file: string, contentType: string): void {
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': statSync(file).size, 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
}

/** restify only: routes, parsing and status codes. The bot and the dialogs are given, not known. */
export function createServer(deps: ServerDeps): Server {
  const { config, logger, connection, logic, tracker } = deps;
  const server = restify.createServer({ name: 'ha30-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: ACTIVITY_LIMIT_BYTES, mapParams: false, mapFiles: false }),
    async (req: Request, res: Response) => {
      const body = req.body as { type?: unknown } | undefined;
      if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.type !== 'string' || !body.type) {
        res.send(400, { error: { code: 'BadArgument', message: 'Activité invalide : un objet JSON avec un champ "type" est attendu.' } });
        return;
      }
      const activity = body as Partial<Activity>;
      // Invokes and expectReplies need their answer in this HTTP response; the rest is acknowledged at
      // once (Teams and the Bot Service give up after ~15 s) and the bot replies through the connector.
      if (activity.type === 'invoke' || activity.deliveryMode === 'expectReplies') {
        await tracker.track(connection.adapter.process(req, res, logic));
        return;
      }
      let authenticated;
      try {
        authenticated = await connection.authenticate(activity as Activity, String(req.headers.authorization ?? ''));
      } catch (error) {
        res.send(401, { error: { code: 'Unauthorized', message: (error as Error).message } });
        return;
      }
      res.send(202);
      const turn = { ...activity, timestamp: activity.timestamp ? new Date(activity.timestamp) : undefined } as Activity;
      void tracker.track(
        connection.adapter.processActivityDirect(authenticated, turn, logic).catch((error: Error) => {
          logger.error({ event: 'turn_failed', err: error.message.split('\n')[0] }, 'background turn failed');
        }),
      );
    },
  );

  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    res.send(204);
  });
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', inFlightTurns: tracker.size });
  });

  const webchatBundle = path.join(config.vendorDir, 'webchat', 'webchat.js');
  server.get('/', async (_req: Request, res: Response) => sendFile(res, path.join(config.webDir, 'index.html'), 'text/html; charset=utf-8'));
  server.get('/webchat/webchat.js', async (_req: Request, res: Response) => {
    if (!existsSync(webchatBundle)) {
      res.send(503, { error: { code: 'WebChatMissing', message: 'Le widget Web Chat n’est pas installé : lancez « npm run setup:webchat ».' } });
      return;
    }
    sendFile(res, webchatBundle, 'application/javascript; charset=utf-8');
  });
  server.get('/web/:file', async (req: Request, res: Response) => {
    const name = String(req.params.file);
    const file = path.join(config.webDir, path.basename(name));
    const types: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };
    const type = types[path.extname(file)];
    if (!type || !existsSync(file)) {
      res.send(404, { error: { code: 'NotFound', message: 'Fichier introuvable.' } });
      return;
    }
    sendFile(res, file, type);
  });

  registerDirectLine(server, {
    adapter: deps.localAdapter,
    logic,
    tracker,
    logger,
    uploadMaxBytes: config.uploadMaxBytes,
    serviceUrl: () => {
      const address = server.address();
      return `http://127.0.0.1:${address.port}`;
    },
  });

  server.on('restifyError', (req: Request, _res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    if ((error.statusCode ?? 500) >= 500) logger.error({ event: 'http_error', route: req.getRoute()?.path, err: error.message }, 'request failed');
    callback();
  });
  return server;
}
