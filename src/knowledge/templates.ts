/** The grammar of knowledge texts: `{name}` placeholders and `{count, plural, one {…} other {…}}` blocks. */

const PLURAL_START = /^\{(\w+),\s*plural,/;

export interface PluralBlock {
  key: string;
  branches: Map<string, string>;
  end: number;
}

/** The `{key, plural, one {…} other {…}}` block that starts at `start`, or undefined if it is malformed. */
export function readPlural(template: string, start: number): PluralBlock | undefined {
  const head = PLURAL_START.exec(template.slice(start));
  if (!head) return undefined;
  const branches = new Map<string, string>();
  let at = start + head[0].length;
  for (;;) {
    while (/\s/.test(template[at] ?? '')) at++;
    if (template[at] === '}') return branches.has('other') ? { key: head[1]!, branches, end: at + 1 } : undefined;
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(template.slice(at));
    if (!selector) return undefined;
    let depth = 1;
    let cursor = at + selector[0].length;
    const bodyStart = cursor;
    while (cursor < template.length && depth > 0) {
      if (template[cursor] === '{') depth++;
      else if (template[cursor] === '}') depth--;
      cursor++;
    }
    if (depth > 0) return undefined;
    branches.set(selector[1]!.replace(/\s/g, ''), template.slice(bodyStart, cursor - 1));
    at = cursor;
  }
}

/** Every placeholder a template reads: `{name}` and the number of each plural, branches included. */
export function templatePlaceholders(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(/\{(\w+)(\}|,\s*plural,)/g)) names.add(match[1]!);
  return [...names];
}

/**
 * What is wrong with a template, in French, or undefined: a plural that does not parse (it would be
 * shown raw), or a placeholder that nobody gives (`given`). For the knowledge loader and its tests.
 */
export function templateProblem(template: string, given: readonly string[]): string | undefined {
  for (let at = template.indexOf('{'); at >= 0; at = template.indexOf('{', at + 1)) {
    if (PLURAL_START.test(template.slice(at)) && !readPlural(template, at)) {
      return 'a une forme plurielle mal écrite : attendu {nombre, plural, one {…} other {…}} (la branche other est obligatoire).';
    }
  }
  const unknown = templatePlaceholders(template).filter((name) => !given.includes(name));
  if (unknown.length > 0) {
    const offered = given.length > 0 ? `disponibles ici : ${given.map((name) => `{${name}}`).join(', ')}` : 'ce texte n’en reçoit aucun';
    return `utilise ${unknown.map((name) => `{${name}}`).join(', ')}, que l’assistant ne fournit pas (${offered}).`;
  }
  return undefined;
}
