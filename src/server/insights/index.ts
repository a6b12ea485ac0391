export { chartJsFile, registerDashboardPage } from './registerDashboardPage';
export { type DigestRenderer, type InsightsRoutesDeps, registerInsightsRoutes } from './registerInsightsRoutes';
export { type DashboardTenders, visibleTenders } from './tenderRows';
export { type Testimony, type TestimonySource } from './testimonies';
export { DigestBusyError, DigestPool, type DigestPoolOptions } from './DigestPool';
