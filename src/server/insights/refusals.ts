import type { PeriodProblem } from '../../insights';
import { HttpError } from '../http/HttpError';

/**
 * The refusals of the dashboard's APIs, in French: the dashboard shows them as they are, and a
 * buyer calling the API by hand reads them too. Each says what to send instead.
 */
const PERIOD_REASONS: Record<PeriodProblem, string> = {
  BAD_FROM: 'Date de début invalide : indiquez from=AAAA-MM-JJ, un jour qui existe (par exemple from=2026-11-01).',
  BAD_TO: 'Date de fin invalide : indiquez to=AAAA-MM-JJ, un jour qui existe (par exemple to=2026-11-30).',
  REVERSED: 'Période inversée : la date de début (from) doit précéder la date de fin (to) ou lui être égale.',
};

export const refuse = {
  period: (problem: PeriodProblem) => new HttpError(400, 'BadPeriod', PERIOD_REASONS[problem]),
  monthMissing: () => new HttpError(400, 'BadMonth', 'Mois manquant : indiquez month=AAAA-MM (par exemple month=2026-11).'),
  monthInvalid: () => new HttpError(400, 'BadMonth', 'Mois invalide : indiquez month=AAAA-MM, avec un mois de 01 à 12 (par exemple month=2026-11).'),
  monthAhead: (month: string) => new HttpError(422, 'MonthNotStarted', `Le mois ${month} n’a pas encore commencé : le bulletin d’un mois se prépare à partir de son premier jour.`),
  digestMissing: () => new HttpError(503, 'DigestUnavailable', 'Le bulletin mensuel en PDF n’est pas encore disponible sur ce serveur : utilisez les exports CSV en attendant.'),
  digestBusy: (seconds: number) =>
    new HttpError(
      429,
      'DigestBusy',
      `Trop de bulletins PDF sont en cours de préparation : réessayez dans ${seconds} seconde${seconds > 1 ? 's' : ''}. Les exports CSV restent disponibles en attendant.`,
      false,
      seconds,
    ),
  tenderUnknown: () => new HttpError(404, 'TenderNotFound', 'Marché introuvable : il n’est pas (ou plus) dans le catalogue des marchés. Rechargez le tableau de bord.'),
  notYourTender: () =>
    new HttpError(403, 'NotYourTender', 'Seul un acheteur de l’organisation qui a publié ce marché (ou la CCI) peut le signaler « peu ou pas de réponses locales ».'),
  tenderClosed: () => new HttpError(409, 'TenderClosed', 'Ce marché est clos (date limite passée, annulé ou attribué) : il ne peut plus être signalé.'),
};
