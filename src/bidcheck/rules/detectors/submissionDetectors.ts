import { differenceInSeconds, parseISO } from 'date-fns';
import type { Detector } from '../types';

/** R01: the pli arrived after the deadline (even by seconds), or is about to be sent too late. */
export const lateSubmission: Detector = (view) => {
  const { deadline, submittedAt, referenceDate } = view.context;
  if (!deadline) return [];
  const limit = parseISO(deadline);
  if (submittedAt) {
    const late = differenceInSeconds(parseISO(submittedAt), limit);
    return late > 0 ? [{ kind: 'LATE', vars: { seconds: late, deadline, submittedAt } }] : [];
  }
  const totalMb = view.files.reduce((sum, file) => sum + file.size, 0) / 1048576;
  const hoursLeft = (limit.getTime() - parseISO(`${referenceDate}T12:00:00`).getTime()) / 3_600_000;
  if (hoursLeft < 0 && view.context.stage === 'DEPOT') return [{ kind: 'PAST_DEADLINE', vars: { deadline } }];
  if (hoursLeft >= 0 && hoursLeft <= view.settings.lateWarningHours && totalMb >= view.settings.largePliMb) return [{ kind: 'PRECHECK', vars: { deadline, sizeMb: Math.round(totalMb) } }];
  return [];
};

/** R02: the bid was (or will be) sent outside the buyer's platform. */
export const submissionChannel: Detector = (view) => {
  const channel = view.context.submissionChannel;
  return channel && channel !== 'PLATFORM' ? [{ kind: channel }] : [];
};
