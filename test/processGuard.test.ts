import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import pino from 'pino';
import { guardProcess } from '../src/processGuard';

describe('process guard', () => {
  it('logs an escaped error without its secrets and lets the process go on', () => {
    const lines: string[] = [];
    const logger = pino({}, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const emitter = new EventEmitter();
    guardProcess(logger, emitter as unknown as NodeJS.Process);
    emitter.emit('uncaughtException', new Error('Unhandled error: POST /v3/conversations/0b8e2f4e-6a1d-4c44-9d1e-4d6f1f3a2b10 Bearer abc.def'));
    emitter.emit('unhandledRejection', new Error('zlib: Z_BUF_ERROR'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('uncaught_exception');
    expect(lines[0]).not.toMatch(/0b8e2f4e|abc\.def/);
    expect(lines[1]).toContain('Z_BUF_ERROR');
  });
});
