export { type AccountRoutesDeps, registerAccountRoutes } from './accountRoutes';
export { type AdminRoutesDeps, registerKnowledgeRoutes } from './adminRoutes';
export { ADMIN_JSON, presentProblems } from './bodies';
export { registerAdminPage } from './registerAdminPage';
export { registerStatusRoute, type StatusRouteDeps } from './statusRoute';
