export { contactForSituation, contactForTender, findBuyer, foldName, upcomingEvents } from './contacts';
export type { SituationAnswer, TenderContact, UpcomingEvent } from './contacts';
export { checkDirectory, directoryFrom, directoryKnowledgeProblems, directoryProblems, loadDirectory, sharedDirectory } from './loadDirectory';
export type { Directory } from './loadDirectory';
export type { ClubContact, ClubEvent, ContactChannel, Situation } from './types';
