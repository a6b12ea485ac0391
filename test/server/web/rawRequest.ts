import { request } from 'node:http';

export interface RawAnswer {
  status: number;
  body: string;
}

/**
 * An HTTP request sent byte for byte as given: fetch() resolves dot segments and rewrites the Host,
 * an attacker's client does neither.
 */
export function rawRequest(base: string, method: string, target: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path: target, headers, setHost: !Object.keys(headers).some((name) => name.toLowerCase() === 'host') }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
