// Building the pages from stored texts: every text goes through textContent, never innerHTML, so a
// record or a refusal holding markup is shown as the characters it is.

/** `el('li', { className: 'x', text: 'y', attrs: { 'data-x': 'z' }, on: { click } }, child…)` */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === undefined || value === null) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, handler] of Object.entries(props.on ?? {})) node.addEventListener(name, handler);
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A line of status under a title: « Chargement… », a success, or the server's refusal (in red). */
export function statusLine(text = '', kind = '') {
  const node = el('p', { className: `status ${kind}`.trim(), text, attrs: { role: kind === 'failed' ? 'alert' : 'status' } });
  return node;
}

export function setStatus(node, text, kind = '') {
  node.textContent = text ?? '';
  node.className = `status ${kind}`.trim();
  node.setAttribute('role', kind === 'failed' ? 'alert' : 'status');
}

/** A date-time the way a French reader expects it: « 3 mars 2026 à 14:05 ». */
export function frenchDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date);
}

/** A summary as a sentence of its own (the history's summaries have no final stop). */
export function sentence(text) {
  const trimmed = String(text ?? '').trim();
  return !trimmed || /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
