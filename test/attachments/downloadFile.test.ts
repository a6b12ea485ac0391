import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { FileIntake } from '../../src/attachments/FileIntake';
import { downloadFile } from '../../src/attachments/downloadFile';
import { addressKind, type DownloadPolicy, type Resolve, systemResolve } from '../../src/attachments/downloadPolicy';
import type { AppError } from '../../src/errors';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** An HTTP server on 127.0.0.1, port 0, that counts the requests it gets. */
async function listener(handler: Handler, host = '127.0.0.1', port = 0): Promise<{ server: Server; port: number; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { server, port: (server.address() as AddressInfo).port, requests };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: AppError) => error.code ?? error.message);

describe('downloadFile: no request forgery', () => {
  // The internal service an attacker aims at: it must never see a request.
  let internal: Awaited<ReturnType<typeof listener>>;
  // A server standing in for a public file host (exempt by address and port in the test policy).
  let files: Awaited<ReturnType<typeof listener>>;
  let strict: DownloadPolicy;
  let resolverCalls: string[];

  beforeAll(async () => {
    internal = await listener((_req, res) => res.end('secret internal response'));
    files = await listener((req, res) => {
      const url = req.url ?? '';
      // Not chained: restify, loaded by other suites in the same worker, patches writeHead to return nothing.
      const reply = (status: number, headers: Record<string, string>, body?: string | Buffer) => {
        res.writeHead(status, headers);
        res.end(body);
      };
      const hops = /^\/hops\/(\d+)$/.exec(url);
      if (url === '/file') return void res.end('hello');
      if (url === '/empty') return void res.end();
      if (url === '/redirect-internal') return void reply(302, { location: `http://127.0.0.1:${internal.port}/x` });
      if (url === '/redirect-internal-name') return void reply(307, { location: `http://internal.example.test:${internal.port}/x` });
      if (url === '/redirect-metadata') return void reply(301, { location: 'http://169.254.169.254/latest/meta-data/' });
      if (url === '/redirect-file-scheme') return void reply(302, { location: 'file:///etc/passwd' });
      if (hops) {
        const left = Number(hops[1]);
        return void (left === 0 ? res.end('arrived') : reply(302, { location: `/hops/${left - 1}` }));
      }
      if (url === '/declared-big') return void (res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) }), res.write('x'));
      if (url === '/stream-big') {
        // No declared length: the cap must be enforced while counting.
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 1);
        let sent = 0;
        const push = () => {
          if (res.destroyed || sent >= 4 * 1024 * 1024) return void res.end();
          sent += chunk.length;
          if (res.write(chunk)) setImmediate(push);
          else res.once('drain', push);
        };
        res.on('error', () => undefined);
        return push();
      }
      if (url === '/slow-body') return void (res.writeHead(200), res.write('partial'));
      if (url === '/no-answer') return;
      if (url === '/gzip') return void reply(200, { 'content-encoding': 'gzip' }, gzipSync('hello gzip'));
      if (url === '/gzip-bomb') return void reply(200, { 'content-encoding': 'gzip' }, gzipSync(Buffer.alloc(8 * 1024 * 1024)));
      if (url === '/encoding') return void res.end(String(req.headers['accept-encoding']));
      res.statusCode = 404;
      res.end();
    });
    const resolve: Resolve = async (hostname) => {
      resolverCalls.push(hostname);
      if (hostname === 'files.example.test') return [{ address: '127.0.0.1', family: 4 }];
      if (hostname === 'internal.example.test') return [{ address: '127.0.0.1', family: 4 }];
      if (hostname === 'mixed.example.test') return [{ address: '93.184.215.14', family: 4 }, { address: '127.0.0.1', family: 4 }];
      if (hostname === 'mapped.example.test') return [{ address: '::ffff:127.0.0.1', family: 6 }];
      return systemResolve(hostname);
    };
    strict = { allowLoopback: false, exemptEndpoints: [{ address: '127.0.0.1', port: files.port }], resolve };
  });
  beforeEach(() => {
    resolverCalls = [];
  });
  afterAll(async () => {
    await close(internal.server);
    await close(files.server);
  });

  const get = (url: string, policy: DownloadPolicy = strict, more: { maxBytes?: number; timeoutMs?: number } = {}) =>
    downloadFile(url, { maxBytes: more.maxBytes ?? 1024 * 1024, policy, timeoutMs: more.timeoutMs });

  it('downloads from an allowed server (the positive path the rest refuses against)', async () => {
    expect((await get(`http://files.example.test:${files.port}/file`)).toString()).toBe('hello');
    expect(resolverCalls).toEqual(['files.example.test']);
  });

  it.each([
    ['the loopback address', (p: number) => `http://127.0.0.1:${p}/x`],
    ['loopback elsewhere in 127/8', (p: number) => `http://127.1.2.3:${p}/x`],
    ['a decimal IPv4 literal', (p: number) => `http://2130706433:${p}/x`],
    ['a hexadecimal short IPv4 literal', (p: number) => `http://0x7f.1:${p}/x`],
    ['an octal IPv4 literal', (p: number) => `http://0177.0.0.1:${p}/x`],
    ['a trailing-dot IPv4 literal', (p: number) => `http://127.0.0.1.:${p}/x`],
    ['IPv6 loopback', (p: number) => `http://[::1]:${p}/x`],
    ['IPv4-mapped IPv6', (p: number) => `http://[::ffff:127.0.0.1]:${p}/x`],
    ['IPv4-mapped IPv6 in hex', (p: number) => `http://[::ffff:7f00:1]:${p}/x`],
    ['NAT64 of loopback', (p: number) => `http://[64:ff9b::7f00:1]:${p}/x`],
    ['0.0.0.0 (reaches this host on Linux)', (p: number) => `http://0.0.0.0:${p}/x`],
    ['the unspecified IPv6 address', (p: number) => `http://[::]:${p}/x`],
    ['localhost (system resolver)', (p: number) => `http://localhost:${p}/x`],
    ['a public-looking name resolving to loopback', (p: number) => `https://internal.example.test:${p}/x`],
    ['a name with one loopback address among public ones', (p: number) => `https://mixed.example.test:${p}/x`],
    ['a name resolving to IPv4-mapped loopback', (p: number) => `https://mapped.example.test:${p}/x`],
    ['a redirect from an allowed server to loopback', () => `http://files.example.test:${files.port}/redirect-internal`],
    ['a redirect to a name resolving to loopback', () => `http://files.example.test:${files.port}/redirect-internal-name`],
    ['https on loopback', (p: number) => `https://127.0.0.1:${p}/x`],
  ])('refuses %s and never contacts it', async (_label, url) => {
    expect(await codeOf(get(url(internal.port)))).toBe('ATTACHMENT_FORBIDDEN_ADDRESS');
    expect(internal.requests).toEqual([]);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://10.0.0.1/x',
    'http://172.16.5.4/x',
    'http://192.168.1.1/x',
    'http://100.64.0.1/x',
    'http://[fe80::1]/x',
    'http://[fc00::1]/x',
    'http://224.0.0.1/x',
    'http://255.255.255.255/x',
    'http://198.18.0.1/x',
    'http://240.0.0.1/x',
    'http://[2002:7f00:1::]/x',
    'http://[::7f00:1]/x',
    'file:///etc/passwd',
    'data:application/pdf;base64,JVBERi0=',
    'ftp://files.example.test/x',
    'https://user:secret@files.example.test/x',
    'not a url',
  ])('refuses %s before any connection', async (url) => {
    const started = Date.now();
    expect(await codeOf(get(url))).toBe('ATTACHMENT_FORBIDDEN_ADDRESS');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a redirect to the metadata service or to another scheme', async () => {
    expect(await codeOf(get(`http://files.example.test:${files.port}/redirect-metadata`))).toBe('ATTACHMENT_FORBIDDEN_ADDRESS');
    expect(await codeOf(get(`http://files.example.test:${files.port}/redirect-file-scheme`))).toBe('ATTACHMENT_FORBIDDEN_ADDRESS');
  });

  it('requires https for a public address', async () => {
    const publicResolve: Resolve = async () => [{ address: '93.184.215.14', family: 4 }];
    expect(await codeOf(get('http://example.com/x', { allowLoopback: false, resolve: publicResolve }))).toBe('ATTACHMENT_FORBIDDEN_ADDRESS');
  });

  it('follows at most 3 redirects, each checked again', async () => {
    expect((await get(`http://files.example.test:${files.port}/hops/3`)).toString()).toBe('arrived');
    expect(resolverCalls).toEqual(Array(4).fill('files.example.test'));
    const before = files.requests.length;
    expect(await codeOf(get(`http://files.example.test:${files.port}/hops/4`))).toBe('ATTACHMENT_UNREACHABLE');
    expect(files.requests.slice(before)).toEqual(['/hops/4', '/hops/3', '/hops/2', '/hops/1']);
  });

  it('refuses a declared length over the cap, and stops counting a stream past the cap', async () => {
    expect(await codeOf(get(`http://files.example.test:${files.port}/declared-big`))).toBe('ATTACHMENT_TOO_LARGE');
    expect(await codeOf(get(`http://files.example.test:${files.port}/stream-big`, strict, { maxBytes: 100 * 1024 }))).toBe('ATTACHMENT_TOO_LARGE');
    expect(await codeOf(get(`http://files.example.test:${files.port}/empty`))).toBe('ATTACHMENT_EMPTY');
    expect(await codeOf(get(`http://files.example.test:${files.port}/missing`))).toBe('ATTACHMENT_UNREACHABLE');
  });

  it('gives up after the overall timeout, whether the headers or the body never end', async () => {
    for (const path of ['/no-answer', '/slow-body']) {
      const started = Date.now();
      expect(await codeOf(get(`http://files.example.test:${files.port}${path}`, strict, { timeoutMs: 300 }))).toBe('ATTACHMENT_UNREACHABLE');
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });

  it('asks for identity encoding, and caps what a compressed body expands to', async () => {
    expect((await get(`http://files.example.test:${files.port}/encoding`)).toString()).toBe('identity');
    expect((await get(`http://files.example.test:${files.port}/gzip`)).toString()).toBe('hello gzip');
    expect(await codeOf(get(`http://files.example.test:${files.port}/gzip-bomb`, strict, { maxBytes: 100 * 1024 }))).toBe('ATTACHMENT_TOO_LARGE');
  });

  describe('the anonymous local mode (allowLoopback)', () => {
    const local: DownloadPolicy = { allowLoopback: true };

    it("fetches the Emulator's attachment route on loopback, over http", async () => {
      const before = internal.requests.length;
      await get(`http://127.0.0.1:${internal.port}/v3/attachments/abc/views/original`, local);
      await get(`http://localhost:${internal.port}/v3/attachments/def/views/original`, local);
      expect(internal.requests.slice(before)).toEqual(['/v3/attachments/abc/views/original', '/v3/attachments/def/views/original']);
    });

    it('still refuses other loopback paths, private and metadata addresses', async () => {
      const before = internal.requests.length;
      for (const url of [`http://127.0.0.1:${internal.port}/admin`, `http://127.0.0.1:${internal.port}/v3/directline/attachments/x`, `http://127.0.0.1:${internal.port}/v3/attachments/../../admin`, 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/v3/attachments/a']) {
        expect(await codeOf(get(url, local))).toBe('ATTACHMENT_FORBIDDEN_ADDRESS');
      }
      expect(internal.requests.length).toBe(before);
    });

    it('is off unless configured', async () => {
      expect(await codeOf(get(`http://127.0.0.1:${internal.port}/v3/attachments/abc/views/original`, { allowLoopback: false }))).toBe('ATTACHMENT_FORBIDDEN_ADDRESS');
    });
  });

  it('pins the connection to the address it checked (no second resolution for DNS rebinding)', async () => {
    // A second loopback address serves as the "public" host; a rebinding resolver answers it first, then the internal one.
    let exempt: Awaited<ReturnType<typeof listener>>;
    try {
      exempt = await listener((_req, res) => res.end('public'), '127.0.0.2', internal.port);
    } catch {
      return; // Only Linux routes the whole of 127/8 to loopback by default.
    }
    let calls = 0;
    const rebinding: Resolve = async () => [{ address: calls++ === 0 ? '127.0.0.2' : '127.0.0.1', family: 4 }];
    try {
      const before = internal.requests.length;
      const body = await get(`http://rebind.example.test:${internal.port}/x`, { allowLoopback: false, exemptEndpoints: [{ address: '127.0.0.2', port: internal.port }], resolve: rebinding });
      expect(body.toString()).toBe('public');
      expect(calls).toBe(1);
      expect(internal.requests.length).toBe(before);
    } finally {
      await close(exempt.server);
    }
  });
});

describe('addressKind', () => {
  it.each([
    ['93.184.215.14', 'public'],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'public'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'special'],
    ['169.254.169.254', 'special'],
    ['0.0.0.0', 'special'],
    ['100.100.100.200', 'special'],
    ['64:ff9b::a00:1', 'special'],
    ['garbage', 'special'],
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });
});

describe('FileIntake', () => {
  let internal: Awaited<ReturnType<typeof listener>>;
  beforeAll(async () => {
    internal = await listener((_req, res) => res.end('secret internal response'));
  });
  afterAll(() => close(internal.server));

  const teams = (url: string) => ({ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'devis.pdf', content: { downloadUrl: url } });

  it('never lets a Teams downloadUrl reach loopback, even in the anonymous local mode', async () => {
    const intake = new FileIntake({ maxBytes: 1024, policy: { allowLoopback: true } });
    const batch = await intake.receive([teams(`http://127.0.0.1:${internal.port}/v3/attachments/a/views/original`)]);
    expect(batch).toEqual({ received: [], refused: [{ name: 'devis.pdf', reason: 'FORBIDDEN' }] });
    expect(internal.requests).toEqual([]);
  });

  it('gives a Teams or Emulator message the budgets of one upload: total and number of files, each refusal named', async () => {
    const files = await listener((_req, res) => res.end('a file of twenty-four b'.padEnd(24, '.')));
    const policy = { allowLoopback: false, exemptEndpoints: [{ address: '127.0.0.1', port: files.port }] };
    const intake = new FileIntake({ maxBytes: 1024, batchLimitBytes: 40, maxFilesPerUpload: 3, policy });
    const file = (name: string) => ({ contentType: 'application/pdf', name, contentUrl: `http://127.0.0.1:${files.port}/${name}` });
    const batch = await intake.receive(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf'].map(file)).finally(() => close(files.server));
    // Each file is 24 bytes: the second would pass the 40-byte total, the third finds no room left.
    expect(batch.received.map((received) => received.name)).toEqual(['a.pdf']);
    expect(batch.refused).toEqual([
      { name: 'b.pdf', reason: 'BATCH_TOO_LARGE' },
      { name: 'c.pdf', reason: 'BATCH_TOO_LARGE' },
      { name: 'd.pdf', reason: 'TOO_MANY_FILES' },
    ]);
  });

  it('takes the files the local Direct Line holds from memory, never over HTTP, whatever the policy', async () => {
    const url = `http://127.0.0.1:${internal.port}/v3/directline/attachments/x`;
    const intake = new FileIntake({ maxBytes: 1024, policy: { allowLoopback: false } });
    const held = new Map([[url, { name: 'kbis.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF') }]]);
    const batch = await intake.receive([{ contentType: 'application/pdf', name: 'kbis.pdf', contentUrl: url }], [], held);
    expect(batch.received.map((file) => file.bytes.toString())).toEqual(['%PDF']);
    expect(internal.requests).toEqual([]);
  });
});
