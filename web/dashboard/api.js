// The dashboard's calls to /api/insights/… and /api/session, with the server's French refusals.

export class ApiError extends Error {
  constructor(status, message, body = null) {
    super(message);
    this.status = status;
    // The fields a form points at (`problems`: [{ path, message }]), when the server gave them.
    this.problems = Array.isArray(body?.problems) ? body.problems : [];
  }
}

const UNREACHABLE = 'Le serveur ne répond pas : vérifiez votre connexion et rechargez la page.';

async function refusalOf(response) {
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') return { message: body.error, body };
    if (body && body.error && typeof body.error.message === 'string') return { message: body.error.message, body };
  } catch {
    // Not JSON: the status says enough.
  }
  return { message: `Le serveur a refusé la demande (erreur ${response.status}).`, body: null };
}

async function refusal(response) {
  return (await refusalOf(response)).message;
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
  if (!response.ok) {
    const { message, body } = await refusalOf(response);
    throw new ApiError(response.status, message, body);
  }
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

/** A JSON write (proposals, gap answers): the parsed answer, or an ApiError with the server's problems. */
export async function sendJson(method, path, body) {
  const response = await call(path, { method, headers: { 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  return response.status === 204 ? null : response.json();
}

export async function signOut() {
  await call('/api/session', { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken } });
}
