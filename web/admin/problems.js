// The French problems of a refused change (422), or of a file edit the live reload refused: each
// with its file, its JSON path and what is wrong. Shown as text, never as markup.
import { el } from './dom.js';

export function problemItem(problem) {
  const where = [problem.file, problem.path].filter((part) => typeof part === 'string' && part).join(' — ');
  return el('li', {}, where ? el('span', { className: 'where', text: `${where} : ` }) : null, el('span', { text: String(problem.message ?? '') }));
}

export function problemList(problems) {
  return el('ul', { className: 'problems' }, ...problems.map(problemItem));
}

/**
 * The fields of a form that a problem points at: a field whose path ends the problem's path (the
 * problem's path is in the file, where the record sits under its list, e.g. /rules/12/remedy).
 */
export function fieldsFor(form, problemPath) {
  let target = String(problemPath ?? '');
  // A line of a one-value-per-line field (« /departments/0 ») is that field: try the path, then without its index.
  for (;;) {
    const found = deepestEnding(form, target);
    if (found || !/\/\d+$/.test(target)) return found;
    target = target.replace(/\/\d+$/, '');
  }
}

function deepestEnding(form, target) {
  let best = null;
  for (const node of form.querySelectorAll('[data-path]')) {
    const own = node.getAttribute('data-path');
    if (!own || !(target === own || target.endsWith(own))) continue;
    if (!best || own.length > best.getAttribute('data-path').length) best = node;
  }
  return best;
}
