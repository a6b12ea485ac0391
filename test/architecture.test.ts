import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

/** The modules a source file imports, resolved to paths relative to the repository (packages as they are). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)|require\('([^']+)'\)/g)]
    .map((match) => match[1] ?? match[2] ?? match[3]!)
    .map((spec) => (spec.startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec)) : spec));
}

const ALL = [...sources('src'), ...sources('dialogs')];

describe('architecture: data flows one way', () => {
  it('src/knowledge reads and validates generically: it never imports the bid check', () => {
    const offenders = ALL.filter((file) => file.startsWith('src/knowledge/')).flatMap((file) => importsOf(file).filter((target) => target.startsWith('src/bidcheck')).map((target) => `${file} → ${target}`));
    expect(offenders).toEqual([]);
  });

  it('outside src/bidcheck, only its public entry (src/bidcheck/index.ts) is imported', () => {
    const offenders = ALL.filter((file) => !file.startsWith('src/bidcheck/')).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('src/bidcheck/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('domain services never import botbuilder: the same code serves the chat, the CLI and the dashboard', () => {
    const domain = ALL.filter((file) => /^src\/(bidcheck|knowledge|store|text)\//.test(file));
    const offenders = domain.filter((file) => importsOf(file).some((target) => target.startsWith('botbuilder')));
    expect(offenders).toEqual([]);
  });
});
