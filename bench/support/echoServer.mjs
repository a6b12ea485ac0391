#!/usr/bin/env node
// The chat-turn benchmark's baseline: a bare restify server whose one JSON route reads the body with
// the bot's own reader and limits (dist/src/server/http/readJsonBody.js, as /api/messages does) and
// sends it back. What it costs is HTTP + JSON on this machine; what the bot costs above it is the turn.
// Prints {"event":"started","url":…} once listening, like the bot does.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const restify = require('restify');
const { readJsonBody } = require(path.join(root, 'dist/src/server/http/readJsonBody.js'));

const LIMITS = { maxBytes: 1024 * 1024, maxDepth: 64 };
const server = restify.createServer({ name: 'bench-echo', handleUncaughtExceptions: false });
server.server.keepAliveTimeout = 5_000;
server.post('/echo', async (req, res) => {
  try {
    res.send(200, await readJsonBody(req, LIMITS));
  } catch (error) {
    res.send(error.status ?? 400, { error: String(error.message) });
  }
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  process.stdout.write(`${JSON.stringify({ event: 'started', url: `http://${address}:${port}` })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
