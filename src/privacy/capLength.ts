/**
 * At most `max` characters, the cut marked « … »: at a space when one is near, never inside a
 * [token] nor between the two halves of a surrogate pair.
 */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut--;
  const open = text.lastIndexOf('[', cut);
  if (open >= 0 && text.indexOf(']', open) >= cut) cut = open;
  const space = text.lastIndexOf(' ', cut);
  if (space > max * 0.8) cut = space;
  return `${text.slice(0, cut).trimEnd()}…`;
}
