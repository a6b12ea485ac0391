#!/usr/bin/env node
// The chat-turn benchmark's framework floor: the same restify route as /api/messages (the bot's own
// body reader and limits, the app's adapter from dist/src/bot/createAdapter.js in anonymous mode),
// but a turn that only echoes the text in one reply — no dialogs, no state, no classifier. What it
// costs above the bare echo is the Bot Framework SDK's own share of a turn.
// Prints {"event":"started","url":…} once listening, like the bot does.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const restify = require('restify');
const { readJsonBody } = require(path.join(root, 'dist/src/server/http/readJsonBody.js'));
const { createAdapter } = require(path.join(root, 'dist/src/bot/createAdapter.js'));
const { createLogger } = require(path.join(root, 'dist/src/logger.js'));

const LIMITS = { maxBytes: 1024 * 1024, maxDepth: 64 };
const messages = { text: () => 'error' };
const connection = createAdapter({ microsoftApp: { id: '', password: '', type: 'MultiTenant', tenantId: '' } }, messages, createLogger('warn'), true);
const logic = async (context) => {
  await context.sendActivity(context.activity.type === 'message' ? `echo: ${context.activity.text}` : 'bienvenue');
};

const server = restify.createServer({ name: 'bench-floor', handleUncaughtExceptions: false });
server.server.keepAliveTimeout = 5_000;
server.post('/api/messages', async (req, res) => {
  try {
    const activity = await readJsonBody(req, LIMITS);
    const authenticated = await connection.authenticate(activity, String(req.headers.authorization ?? ''));
    const answer = await connection.run(authenticated, activity, logic);
    res.send(answer?.status ?? 200, answer?.body);
  } catch (error) {
    res.send(error.status ?? 500, { error: String(error.message) });
  }
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  process.stdout.write(`${JSON.stringify({ event: 'started', url: `http://${address}:${port}` })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
