import type { Activity, TestAdapter } from 'botbuilder';
import { readable } from './replies';

export type UserTurn = string | Partial<Activity>;
/** One exchange: what the user sends, then one pattern per reply the bot must send, in order. */
export type Exchange = [UserTurn, ...(RegExp | string)[]];

/**
 * Runs a transcript against the bot. Typing indicators are skipped; every other reply must match
 * its pattern, and a reply nobody expected fails the test.
 */
export async function transcript(adapter: TestAdapter, exchanges: Exchange[]): Promise<void> {
  for (const [userTurn, ...expected] of exchanges) {
    await adapter.receiveActivity(typeof userTurn === 'string' ? { type: 'message', text: userTurn } : userTurn);
    const replies = adapter.activeQueue.splice(0).filter((activity) => activity.type !== 'typing');
    const said = replies.map((reply) => readable(reply));
    expect({ user: userTurn, replies: said }).toEqual({ user: userTurn, replies: expect.any(Array) });
    if (said.length !== expected.length) throw new Error(`Expected ${expected.length} replies to ${JSON.stringify(userTurn).slice(0, 80)}, got ${said.length}:\n${said.join('\n---\n')}`);
    expected.forEach((pattern, index) => {
      const text = said[index] ?? '';
      if (typeof pattern === 'string') expect(text).toContain(pattern);
      else expect(text).toMatch(pattern);
    });
  }
}
