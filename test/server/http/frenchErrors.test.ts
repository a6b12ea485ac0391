import { withApp } from '../../support/startTestApp';

/** Nothing English, nothing technical: the words of a French error body a browser or a client shows. */
const FRENCH = /^[A-ZÀ-Ü][^]*[.!?]$/;
const ENGLISH = /\b(does not exist|is not allowed|not found|error|invalid|method)\b/i;

describe('HTTP errors restify produces itself', () => {
  it('answers an unknown address, a wrong method and an unsupported body type in French JSON', async () => {
    await withApp({}, async (app) => {
      const cases: [string, RequestInit, number][] = [
        ['/nulle-part', {}, 404],
        ['/api/messages/../../etc/passwd', {}, 404],
        ['/healthz', { method: 'DELETE' }, 405],
        ['/api/messages', { method: 'PUT', body: '{}' }, 405],
        ['/api/messages', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'bonjour' }, 415],
      ];
      for (const [url, init, status] of cases) {
        const response = await fetch(`${app.url}${url}`, init);
        expect({ url, status: response.status }).toEqual({ url, status });
        expect(response.headers.get('content-type')).toMatch(/application\/json/);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.message).toMatch(FRENCH);
        expect(body.error.message).not.toMatch(ENGLISH);
        expect(JSON.stringify(body)).not.toContain(url.split('/').pop()!);
      }
    });
  });
});
