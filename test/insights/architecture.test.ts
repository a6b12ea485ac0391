import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(`${dir}/${entry.name}`) : entry.name.endsWith('.ts') ? [`${dir}/${entry.name}`] : []));
}

describe('src/insights is a pure domain', () => {
  it('imports neither the chat (botbuilder, dialogs), nor the web server, nor storage or the file system', () => {
    const offenders = sources('src/insights').flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/from\s+'([^']+)'|require\('([^']+)'\)/g)]
        .map((match) => match[1] ?? match[2]!)
        .filter((target) => /^(botbuilder|restify|lowdb|node:fs|fs$|node:child_process)|\/dialogs\/|\/server\//.test(target))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });
});
