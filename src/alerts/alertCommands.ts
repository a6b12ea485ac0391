import { normalizeText } from '../intents/normalizeText';

export type AlertCommand = 'subscribe' | 'unsubscribe';

/** A short sentence may wrap a command ("je voudrais ne plus m'alerter svp"); a long one is a request of its own. */
const MAX_WORDS = 10;
const POLITE = /\b(svp|stp|merci|s'il (?:vous|te) plait)\b/g;

export interface AlertPhrases {
  alertsOn?: readonly string[];
  alertsOff?: readonly string[];
}

/**
 * "m'alerter", "ne plus m'alerter" and their variants (knowledge/intents.json `commands`), typed
 * alone or inside a short sentence. Stopping is tested first: "ne plus m'alerter" holds "m'alerter".
 */
export function alertCommand(text: string | undefined, phrases: AlertPhrases): AlertCommand | null {
  const normalized = normalizeText(text ?? '').replace(POLITE, ' ').replace(/\s+/g, ' ').trim();
  if (!normalized || normalized.split(' ').length > MAX_WORDS) return null;
  const padded = ` ${normalized} `;
  const holds = (list: readonly string[] | undefined) =>
    (list ?? []).some((phrase) => {
      const wanted = normalizeText(phrase);
      return wanted === normalized || (wanted.includes(' ') && padded.includes(` ${wanted} `));
    });
  if (holds(phrases.alertsOff)) return 'unsubscribe';
  if (holds(phrases.alertsOn)) return 'subscribe';
  return null;
}

/** The card's "Arrêter les alertes" button in Web Chat posts this value (Teams posts the text). */
export const ALERTS_OFF_VALUE = { ha30Alerts: 'unsubscribe' } as const;

export function isAlertsOffValue(value: unknown): boolean {
  return (value as { ha30Alerts?: unknown } | undefined)?.ha30Alerts === ALERTS_OFF_VALUE.ha30Alerts;
}
