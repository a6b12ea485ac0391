import { type Activity, ConversationState, MemoryStorage, type StoreItems, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { TextComparedConversationState, TextComparedUserState } from '../../src/bot/TextComparedState';

/** MemoryStorage that notes each write and delete (keys and what was written, eTags left out). */
class RecordingStorage extends MemoryStorage {
  readonly log: string[] = [];
  override async write(changes: StoreItems): Promise<void> {
    for (const [key, value] of Object.entries(changes)) {
      const { eTag: _eTag, ...rest } = value as Record<string, unknown>;
      this.log.push(`write ${key} ${JSON.stringify(rest)}`);
    }
    return super.write(changes);
  }
  override async delete(keys: string[]): Promise<void> {
    this.log.push(`delete ${keys.join(',')}`);
    return super.delete(keys);
  }
}

const activity = (conversation: string): Partial<Activity> => ({ type: 'message', text: 'x', channelId: 'test', conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'user-1', name: 'u' }, recipient: { id: 'bot', name: 'b' } });

type AnyState = ConversationState | UserState;

/** A fixed series of turns: reads, unchanged saves, changes, nested changes, clear, delete, forced saves. */
async function script(make: (storage: RecordingStorage) => AnyState[]): Promise<string[]> {
  const storage = new RecordingStorage();
  const states = make(storage);
  const adapter = new TestAdapter();
  const turn = async (conversation: string, body: (state: AnyState, context: TurnContext) => Promise<void>) => {
    for (const state of states) {
      const context = new TurnContext(adapter, activity(conversation));
      await body(state, context);
      storage.log.push(`get ${JSON.stringify(state.get(context) ?? null)}`);
      await state.saveChanges(context);
    }
  };
  for (const state of states) {
    const counter = state.createProperty<{ n: number; list: number[] }>('counter');
    const flag = state.createProperty<boolean>('flag');
    await turn('c1', async () => undefined); // never loaded: nothing saved
    await turn('c1', async (_, context) => void (await counter.get(context))); // loaded, unchanged
    await turn('c1', async (_, context) => void (await counter.get(context, { n: 1, list: [] }))); // a default is a change
    await turn('c1', async (_, context) => void (await counter.get(context))); // read back, unchanged
    await turn('c1', async (_, context) => void (await counter.get(context))!.list.push(2)); // nested change
    await turn('c1', async (_, context) => {
      await flag.set(context, true);
      await flag.set(context, true);
    });
    await turn('c1', async (_, context) => {
      await flag.set(context, false);
      await flag.set(context, true); // back as it was: unchanged
    });
    await turn('c1', async (s, context) => {
      await s.load(context);
      await s.clear(context); // cleared: saved empty
    });
    await turn('c1', async (s, context) => {
      await counter.set(context, { n: 5, list: [1] });
      await s.saveChanges(context);
      await s.saveChanges(context, true); // forced
    });
    await turn('c1', async (s, context) => {
      await s.load(context);
      await s.delete(context);
    });
    await turn('c2', async (s, context) => {
      await s.saveChanges(context, true); // forced with nothing loaded
      await flag.delete(context);
    });
    await turn('c2', async (s, context) => {
      await counter.set(context, { n: 9, list: [] });
      await s.load(context, true); // forced reload drops the change
    });
  }
  return storage.log;
}

// The change test by text must save exactly when botbuilder's hash would, and the same things.
describe('text-compared bot state', () => {
  it('writes and deletes what ConversationState and UserState write and delete, turn by turn', async () => {
    const botbuilder = await script((storage) => [new ConversationState(storage), new UserState(storage)]);
    const ours = await script((storage) => [new TextComparedConversationState(storage), new TextComparedUserState(storage)]);
    expect(botbuilder.filter((line) => line.startsWith('write')).length).toBeGreaterThan(8);
    expect(ours).toEqual(botbuilder);
  });

  it('still saves a state that cannot be written as JSON once changed (circular), as botbuilder does', async () => {
    const storage = new MemoryStorage();
    const state = new TextComparedConversationState(storage);
    const context = new TurnContext(new TestAdapter(), activity('c3'));
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    const property = state.createProperty<Record<string, unknown>>('loop');
    await property.set(context, loop);
    const write = jest.spyOn(storage, 'write').mockResolvedValue();
    await state.saveChanges(context);
    await state.saveChanges(context);
    expect(write).toHaveBeenCalledTimes(1);
  });
});
