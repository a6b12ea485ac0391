import type { Server } from 'restify';
import type { LiveStatus } from '../../knowledge/LiveKnowledge';
import { type AdminRoutesDeps, adminHandler, sendJson } from './adminRoutes';

export interface StatusRouteDeps extends Pick<AdminRoutesDeps, 'currentUser' | 'logger'> {
  /** The knowledge in service: version, when and why it was loaded, training, the last refusals. */
  status: () => LiveStatus;
}

/** docs/admin-api.md « Live status »: what /admin shows on its home (cci only, like all of /api/knowledge). */
export function registerStatusRoute(server: Server, deps: StatusRouteDeps): void {
  server.get('/api/knowledge/status', adminHandler(deps, async (_req, res) => sendJson(res, 200, deps.status())));
}
