// Building the page from stored texts: every text goes through textContent, never innerHTML, so a
// question or a testimony holding markup or a script is shown as the characters it is.

/** `el('li', { className: 'x', text: 'y', attrs: { 'data-label': 'z' } }, child…)` */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, String(value));
  for (const child of children) if (child) node.append(child);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** The line under a section's title: « Chargement… », « Aucune donnée… », or the server's refusal. */
export function setStatus(name, text, failed = false) {
  const node = document.querySelector(`[data-status="${name}"]`);
  if (!node) return;
  node.textContent = text ?? '';
  node.classList.toggle('failed', failed);
}

export function show(node, visible) {
  node.hidden = !visible;
}

/** A label for a chart axis (drawn on the canvas, so as text): at most `max` characters. */
export function shorten(text, max = 60) {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
