export { type CurationRoutesDeps, registerCurationRoutes } from './registerCurationRoutes';
