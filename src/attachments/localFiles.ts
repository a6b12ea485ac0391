import type { ReceivedFile } from './types';

/**
 * The turn-state key under which the local Direct Line hands the bot the files of this turn, already
 * in memory. Only code in this process can set turn state, so a file can reach the bot this way only
 * through the conversation that uploaded it.
 */
export const LOCAL_FILES = Symbol('ha30.localFiles');

export type LocalFiles = ReadonlyMap<string, ReceivedFile>;

export function localFilesOf(turnState: { get(key: symbol): unknown }): LocalFiles {
  const files = turnState.get(LOCAL_FILES);
  return files instanceof Map ? (files as LocalFiles) : new Map();
}
