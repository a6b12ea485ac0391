import { readable } from './replies';

/** A minimal Direct Line client, as the Web Chat widget uses the local server. */
export class DirectLineClient {
  private watermark = 0;
  private constructor(
    private readonly base: string,
    readonly conversationId: string,
    readonly token: string,
  ) {}

  static async start(url: string): Promise<DirectLineClient> {
    const response = await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: 'Bearer local' } });
    if (response.status !== 201) throw new Error(`conversation not created: ${response.status}`);
    const body = (await response.json()) as { conversationId: string; token: string };
    return new DirectLineClient(url, body.conversationId, body.token);
  }

  private get headers() {
    return { authorization: `Bearer ${this.token}` };
  }

  async say(text: string, extra: Record<string, unknown> = {}): Promise<Response> {
    return fetch(`${this.base}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { ...this.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, from: { id: 'user-dl' }, ...extra }),
    });
  }

  async upload(files: { name: string; bytes: Buffer; type?: string }[]): Promise<Response> {
    const form = new FormData();
    form.append('activity', new Blob([JSON.stringify({ type: 'message', from: { id: 'user-dl' } })], { type: 'application/vnd.microsoft.activity' }));
    for (const file of files) form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/pdf' }), file.name);
    return fetch(`${this.base}/v3/directline/conversations/${this.conversationId}/upload?userId=user-dl`, { method: 'POST', headers: this.headers, body: form });
  }

  /** Bot messages received since the last call, waiting until `until` matches one of them. */
  async botSays(until: RegExp, timeoutMs = 10_000): Promise<string[]> {
    const seen: string[] = [];
    // performance.now(): a test that freezes the date (support/clock.ts) must not freeze this wait.
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const response = await fetch(`${this.base}/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, { headers: this.headers });
      const body = (await response.json()) as { activities: Record<string, unknown>[]; watermark: string };
      this.watermark = Number(body.watermark);
      for (const activity of body.activities) {
        if ((activity.from as { role?: string }).role === 'bot' && activity.type === 'message') seen.push(readable(activity));
      }
      if (seen.some((text) => until.test(text))) return seen;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`bot never said ${until}; it said:\n${seen.join('\n---\n')}`);
  }
}
