import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const FAQ_DIR = path.resolve(__dirname, '../../src/faq');

describe('src/faq is a domain service', () => {
  it('imports neither botbuilder, restify, lowdb nor the dialogs: the chat, the CLI and the benchmarks share it', () => {
    const offenders = readdirSync(FAQ_DIR)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        [...readFileSync(path.join(FAQ_DIR, file), 'utf8').matchAll(/from\s+'([^']+)'/g)]
          .map((match) => match[1]!)
          .filter((spec) => /^(botbuilder|restify|lowdb)|\/dialogs\//.test(spec))
          .map((spec) => `${file} → ${spec}`),
      );
    expect(offenders).toEqual([]);
  });
});
