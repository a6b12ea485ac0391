import { format, parseISO, subMonths } from 'date-fns';
import type { CheckedFile } from '../types';
import type { DossierView } from './types';

export const ofType = (view: DossierView, types: readonly string[]): CheckedFile[] => view.files.filter((file) => types.includes(file.type));

export const hasAnyType = (view: DossierView, types: readonly string[]): boolean => ofType(view, types).length > 0;

export const typeLabel = (view: DossierView, type: string): string => view.settings.documentLabels[type] ?? type;

/** French date for messages: 2026-03-05 → 05/03/2026. */
export const frDate = (iso: string): string => format(parseISO(iso), 'dd/MM/yyyy');

/** Calendar-month window (bid-rules.md §0.4): older than N months means before the same day N months earlier. */
export function olderThanMonths(iso: string, months: number, at: string): boolean {
  return iso < format(subMonths(parseISO(at), months), 'yyyy-MM-dd');
}

export const facts = (view: DossierView, file: CheckedFile) => view.facts.get(file.name)!;

export const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
