// The admin pages' calls to the server: `{ get(path), send(method, path, body) }`, each resolving to
// `{ status, body }` whatever the status (the pages decide what a 409 or a 422 means). Writes carry
// the session's CSRF token. This object is also what `web/admin/proposals.js` receives.

const UNREACHABLE = 'Le serveur ne répond pas : vérifiez votre connexion et réessayez.';

let csrfToken = '';

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { status: 0, body: { error: UNREACHABLE } };
  }
  let parsed = null;
  try {
    parsed = response.status === 204 ? null : await response.json();
  } catch {
    // Not JSON: the status says enough (errorText turns it into a sentence).
  }
  // The session ended (expired, signed out elsewhere): back to the sign-in page, then here again.
  if (response.status === 401 && path !== '/api/session') {
    window.location.assign(`/connexion?retour=${encodeURIComponent(window.location.pathname + window.location.hash)}`);
  }
  return { status: response.status, body: parsed };
}

export const api = {
  get: (path) => request('GET', path),
  send: (method, path, body) => request(method, path, body),
};

/** Reads the session (who is signed in) and keeps its CSRF token for the writes. */
export async function startSession() {
  const answer = await api.get('/api/session');
  if (answer.status === 200 && answer.body) csrfToken = answer.body.csrfToken ?? '';
  return answer;
}

/**
 * The French sentence of a refusal: the API's `{ error: "…" }`, the guard's
 * `{ error: { message } }`, or the status alone.
 */
export function errorText(answer) {
  const error = answer?.body?.error;
  if (typeof error === 'string' && error) return error;
  if (error && typeof error.message === 'string') return error.message;
  if (answer?.status === 0) return UNREACHABLE;
  return `Le serveur a refusé la demande (erreur ${answer?.status}).`;
}

/** The problems of a 422, each `{ file, path, message }` (an empty list when the body has none). */
export function problemsOf(answer) {
  const problems = answer?.body?.problems;
  return Array.isArray(problems) ? problems.filter((problem) => problem && typeof problem === 'object') : [];
}
