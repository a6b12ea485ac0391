// The dashboard's calls to /api/insights/… and /api/session, with the server's French refusals.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const UNREACHABLE = 'Le serveur ne répond pas : vérifiez votre connexion et rechargez la page.';

async function refusal(response) {
  try {
    const body = await response.json();
    if (body && body.error && typeof body.error.message === 'string') return body.error.message;
  } catch {
    // Not JSON: the status says enough.
  }
  return `Le serveur a refusé la demande (erreur ${response.status}).`;
}

async function call(path, init = {}) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...(init.headers ?? {}) } });
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  // The session ended (expired, signed out elsewhere): back to the sign-in page, then here again.
  if (response.status === 401) {
    window.location.assign(`/connexion?retour=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    throw new ApiError(401, await refusal(response));
  }
  if (!response.ok) throw new ApiError(response.status, await refusal(response));
  return response;
}

export async function getJson(path) {
  return (await call(path)).json();
}

/** A file the server builds (the PDF digest): its bytes, or the French reason it could not. */
export async function getFile(path) {
  const response = await call(path, { headers: { Accept: 'application/pdf' } });
  return response.blob();
}

let csrfToken = '';

export async function session() {
  const me = await getJson('/api/session');
  csrfToken = me.csrfToken ?? '';
  return me;
}

/** A state-changing call: the guard wants the session's CSRF token. */
export async function change(method, path) {
  const response = await call(path, { method, headers: { 'X-CSRF-Token': csrfToken } });
  return response.status === 204 ? null : response.json();
}

export async function signOut() {
  await call('/api/session', { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken } });
}
