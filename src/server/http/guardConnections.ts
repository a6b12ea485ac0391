import type { Socket } from 'node:net';
import type { Server } from 'restify';
import { isInternal } from './clientAddress';

/** Connections a single address may hold open at once (a browser uses about six). */
const CONNECTIONS_PER_ADDRESS = 64;

/**
 * Slow or piled-up connections: headers must arrive within 10 s (Node checks every 30 s), a whole
 * request within 5 min (a 200 MB upload on a slow line), idle keep-alive sockets close after 5 s,
 * and one outside address may hold only so many sockets — a slowloris from one host cannot use up
 * the process's file descriptors. Loopback and private peers are not capped: they are this process's
 * own bot replies or a reverse proxy carrying everyone (which must do this job itself).
 */
export function guardConnections(server: Server): void {
  const http = server.server;
  http.headersTimeout = 10_000;
  http.requestTimeout = 300_000;
  http.keepAliveTimeout = 5_000;
  const open = new Map<string, number>();
  http.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    if (isInternal(address)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > CONNECTIONS_PER_ADDRESS) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
