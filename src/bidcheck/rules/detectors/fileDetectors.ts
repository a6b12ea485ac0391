import { stringList } from '../dossierQueries';
import type { Detector, Hit } from '../types';

/** Hits for files carrying one of the listed intake issues (password, corrupt, macro…). */
export const fileIssue: Detector = (view, params) => {
  const kinds = stringList(params.issues);
  return view.files.flatMap((file) =>
    file.issues.filter((issue) => kinds.includes(issue.kind)).map((issue) => ({ file: file.name, kind: issue.kind, vars: { detail: issue.detail ?? '' } })),
  );
};

/** R04: a format the RC does not list, or one a buyer is unlikely to open. */
export const unacceptedFormat: Detector = (view) => {
  const accepted = view.context.requirements?.acceptedFormats?.map((format) => format.toLowerCase());
  return view.files.flatMap((file): Hit[] => {
    if (file.issues.some((issue) => ['EMPTY', 'EXECUTABLE', 'PATH_TRAVERSAL', 'ZIP_BOMB', 'TOO_DEEP', 'NOT_CHECKED_TIME_BUDGET', 'PASSWORD', 'ZIP_CORRUPT'].includes(issue.kind))) return [];
    if (accepted && accepted.length > 0) {
      const equivalent = file.format === 'jpeg' ? ['jpg', 'jpeg'] : file.format === 'ole' ? ['doc', 'xls'] : [file.format];
      if (!equivalent.some((format) => accepted.includes(format))) {
        return [{ file: file.name, kind: 'RC_LIST', vars: { format: file.format.toUpperCase(), accepted: accepted.join(', ').toUpperCase() } }];
      }
      return [];
    }
    return file.issues.some((issue) => issue.kind === 'UNUSUAL_FORMAT') ? [{ file: file.name, kind: 'UNUSUAL', vars: { format: file.format.toUpperCase() } }] : [];
  });
};

/** R08: a file or the whole pli above the RC's (or the default) size limit. */
export const fileTooLarge: Detector = (view) => {
  const limitMb = view.context.requirements?.maxFileSizeMb ?? view.settings.maxFileSizeMb;
  const limit = limitMb * 1024 * 1024;
  const hits: Hit[] = view.files.filter((file) => file.size > limit).map((file) => ({ file: file.name, kind: 'FILE', vars: { sizeMb: Math.round(file.size / 1048576), limitMb } }));
  return hits;
};

/** R03: a "copie de sauvegarde" whose files differ from the main pli. */
export const backupCopy: Detector = (view) => {
  const isBackup = (name: string) => /sauvegarde/i.test(name);
  const backup = view.files.filter((file) => isBackup(file.name));
  if (backup.length === 0) return [];
  const base = (name: string) => name.split('/').pop()!.toLowerCase();
  const main = new Set(view.files.filter((file) => !isBackup(file.name)).map((file) => base(file.name)));
  const copy = new Set(backup.map((file) => base(file.name)));
  const differs = main.size > 0 && ([...main].some((name) => !copy.has(name)) || [...copy].some((name) => !main.has(name)));
  return differs ? [{ kind: 'DIFFERENT', vars: { count: copy.size } }] : [];
};
