export { registerAccessGuard, ZONES, type Zone, zoneOf } from './accessGuard';
export { requireUser, type SignedInUser, signedInUser } from './currentUser';
export { registerWebAccess, type WebAccessDeps } from './registerWebAccess';
export { CSRF_HEADER, WebSessions } from './WebSessions';
