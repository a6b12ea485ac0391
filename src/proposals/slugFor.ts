import { baseFold } from '../text/baseFold';

const MAX_SLUG = 80;

/** « Réfection de la toiture — école Jean-Jaurès » → « refection-de-la-toiture-ecole-jean-jaures ». */
function slugPart(text: string): string {
  return baseFold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The id of an approved purchase in knowledge/tenders/upcoming.json: the organisation, then the
 * title, within the schema's 80 characters, made unique against the slugs already there.
 */
export function slugFor(organisationId: string, title: string, taken: ReadonlySet<string>): string {
  const base = `${slugPart(organisationId)}-${slugPart(title)}`.slice(0, MAX_SLUG - 3).replace(/-+$/, '') || 'achat';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
