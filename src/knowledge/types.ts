/** The shapes of the knowledge files, as their JSON Schemas (knowledge/schemas) guarantee them. */

export type GoalId = 'CHECK_DOSSIER' | 'FIND_TENDERS' | 'ASK_QUESTION' | 'CONTACT_CLUB' | 'TESTIMONY';
export const GOAL_IDS: readonly GoalId[] = ['CHECK_DOSSIER', 'FIND_TENDERS', 'ASK_QUESTION', 'CONTACT_CLUB', 'TESTIMONY'];

export interface MessagesFile {
  locale: string;
  messages: Record<string, string | string[]>;
}

export interface Goal {
  id: GoalId;
  title: string;
  description: string;
}

export interface IntentExamples {
  id: string;
  utterances: string[];
}

export interface IntentsFile {
  minConfidence: number;
  goals: Goal[];
  intents: IntentExamples[];
  commands: { help: string[]; cancel: string[]; restart: string[]; alertsOn?: string[]; alertsOff?: string[] };
}

/** What the conversation itself needs: its texts and the intents of the goals. */
export interface ConversationKnowledge {
  /** Folder the knowledge was read from (absolute). */
  dir: string;
  messages: MessagesFile;
  intents: IntentsFile;
}
