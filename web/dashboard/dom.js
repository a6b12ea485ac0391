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

/**
 * A label for a horizontal bar chart, in lines that fit beside the bars: chart.js draws an array as
 * several lines and clips what is wider than the axis. `width` is the chart's width in pixels.
 */
export function wrapLabel(text, width) {
  const perLine = width < 420 ? 20 : width < 700 ? 30 : 42;
  const words = String(text).replace(/\s+/g, ' ').trim().split(' ');
  const lines = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const kept = lines.slice(0, 2).map((part) => shorten(part, perLine));
  if (lines.length > 2) kept[1] = shorten(`${kept[1]} …`, perLine);
  return kept;
}
