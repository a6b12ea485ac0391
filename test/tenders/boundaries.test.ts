import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../src/tenders');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []));
}

describe('src/tenders boundaries', () => {
  it('never imports botbuilder nor the chat code: the catalogue serves the bot, the CLI and tests alike', () => {
    const offenders = sources(SRC).filter((file) => /from '(botbuilder[^']*|\.\.\/bot\/[^']*|\.\.\/\.\.\/dialogs[^']*)'/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
