import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

describe('matching and contacts are domain services', () => {
  it('src/tenders/match and src/contacts never import botbuilder', () => {
    const files = ['src/tenders/match', 'src/contacts'].flatMap((dir) => readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)));
    expect(files.length).toBeGreaterThan(8);
    const offenders = files.filter((file) => /from '(botbuilder[^']*)'/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
