/** HTTP helpers for the sign-in and door tests: what a browser or an attacker sends. */

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The French message of a `{error: {message}}` body, if any. */
  message?: string;
  json?: Record<string, unknown>;
}

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  const message = (json?.error as { message?: string } | undefined)?.message;
  return { status: response.status, headers: response.headers, text, json, ...(message ? { message } : {}) };
}

/** `ha30_session=…` from a Set-Cookie header, to send back as a Cookie header. */
export function sessionCookieOf(answer: Answer): string | undefined {
  return /^(ha30_session=[^;]*)/.exec(answer.headers.get('set-cookie') ?? '')?.[1];
}

export async function signIn(base: string, login: string, password: string, headers: Record<string, string> = {}): Promise<Answer> {
  return call(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ login, password }) });
}

export interface Browser {
  cookie: string;
  csrf: string;
}

/** Signs in and reads the CSRF token, as the sign-in page does. */
export async function signedIn(base: string, login: string, password: string): Promise<Browser> {
  const answer = await signIn(base, login, password);
  const cookie = sessionCookieOf(answer);
  if (answer.status !== 204 || !cookie) throw new Error(`sign-in of ${login} refused: ${answer.status} ${answer.text}`);
  const me = await call(`${base}/api/session`, { headers: { cookie } });
  return { cookie, csrf: String(me.json?.csrfToken) };
}
