import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { HttpError } from '../../../src/server/http/HttpError';
import { MemoryBudget } from '../../../src/server/directline/MemoryBudget';
import { readUpload } from '../../../src/server/directline/readUpload';
import { waitFor } from '../../support/waitFor';

describe('readUpload', () => {
  let server: Server;
  let port = 0;
  const budget = new MemoryBudget(10 * 1024 * 1024);
  const outcomes: (HttpError | 'ok')[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      readUpload(req, { maxFileBytes: 1024 * 1024, maxBatchBytes: 2 * 1024 * 1024, maxFiles: 5, budget, spend: () => true, stallMs: 300 }).then(
        () => {
          outcomes.push('ok');
          res.end('ok');
        },
        (error: HttpError) => {
          outcomes.push(error);
          res.statusCode = error.status;
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('abandons an upload that trickles, and gives its memory back', async () => {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="lent.pdf"\r\n\r\n%PDF');
    const trickle = setInterval(() => socket.write('x'), 50);
    await waitFor('the trickling upload to be abandoned', () => outcomes.length > 0, { timeoutMs: 5000 });
    clearInterval(trickle);
    socket.destroy();
    expect(outcomes[0]).toBeInstanceOf(HttpError);
    expect((outcomes[0] as HttpError).status).toBe(408);
    expect(budget.usedBytes).toBe(0);
  });
});
