// Closed-loop HTTP load for the chat-turn benchmark: N conversations, each posting its next activity as
// soon as the previous answer is in, over keep-alive connections (one per conversation). The same code
// drives the bot and the echo baseline, so what differs between them is the server.
import http from 'node:http';
import { cpuMsOf } from './children.mjs';

/** A JSON POST client to one URL with its own keep-alive pool. */
export function jsonClient(url, sockets) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  const post = (body) =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body));
      const request = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  return { post, close: () => agent.destroy() };
}

export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/**
 * Runs `conversations` loops for `seconds` against `target` ({ url, pid, check }), over connections
 * opened for this phase and closed after it: a socket left idle between phases could be closed by the
 * server (keep-alive timeout) just as the next phase reuses it, a reset that is no fault of the server's. `next(c)` gives
 * conversation c's next activity; `target.check(status, text, activity)` returns { label } for a real
 * answer or { error } for anything else (which is counted, never timed). Turns still running at the
 * deadline finish and count: throughput is turns over the time until the last one ended.
 */
export async function drive(target, { conversations, seconds, next, onAnswer }) {
  const client = jsonClient(target.url, conversations);
  const latencies = [];
  const errors = [];
  const cpuBefore = cpuMsOf(target.pid);
  const ownBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: conversations }, async (_, c) => {
      while (performance.now() < deadline) {
        const activity = next(c);
        const began = performance.now();
        let verdict;
        try {
          const { status, text } = await client.post(activity);
          verdict = target.check(status, text, activity);
        } catch (error) {
          verdict = { error: `${error.code ?? ''} ${error.message}`.trim() };
        }
        const took = performance.now() - began;
        if (verdict.error) errors.push(verdict.error);
        else {
          latencies.push(took);
          onAnswer?.(activity, verdict.label);
        }
      }
    }),
  );
  const elapsed = performance.now() - start;
  client.close();
  const cpuAfter = cpuMsOf(target.pid);
  const own = process.cpuUsage(ownBefore);
  return {
    latencies,
    errors,
    elapsed,
    serverCpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    clientCpuMs: (own.user + own.system) / 1000,
  };
}

/** Several phases of one target summed up: turns/s, latency quantiles, CPU per turn. */
export function summarise(phases) {
  const latencies = phases.flatMap((phase) => phase.latencies).sort((a, b) => a - b);
  const elapsed = phases.reduce((sum, phase) => sum + phase.elapsed, 0);
  const serverCpu = phases.every((phase) => phase.serverCpuMs !== undefined) ? phases.reduce((sum, phase) => sum + phase.serverCpuMs, 0) : undefined;
  const clientCpu = phases.reduce((sum, phase) => sum + phase.clientCpuMs, 0);
  return {
    turns: latencies.length,
    errors: phases.flatMap((phase) => phase.errors),
    perSecond: latencies.length / (elapsed / 1000),
    perRound: phases.map((phase) => phase.latencies.length / (phase.elapsed / 1000)),
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1),
    serverCpuPerTurn: serverCpu === undefined ? undefined : serverCpu / latencies.length,
    serverCores: serverCpu === undefined ? undefined : serverCpu / elapsed,
    clientCpuPerTurn: clientCpu / latencies.length,
  };
}
