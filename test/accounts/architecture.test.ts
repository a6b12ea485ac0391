import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

// The accounts are a domain service: the users command and the web doors call the same code.
describe('src/accounts', () => {
  it('never imports restify, botbuilder, the server or the dialogs', () => {
    const dir = path.join(ROOT, 'src/accounts');
    const offenders = readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => [...readFileSync(path.join(dir, name), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => `${name} → ${match[1]}`))
      .filter((line) => /→ (restify|botbuilder|\.\.\/server|\.\.\/\.\.\/dialogs)/.test(line));
    expect(offenders).toEqual([]);
  });
});
