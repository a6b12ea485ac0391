import { AttachmentStore } from '../../../src/server/directline/AttachmentStore';
import { ConversationLog } from '../../../src/server/directline/ConversationLog';
import { MemoryBudget } from '../../../src/server/directline/MemoryBudget';
import { RateLimiter } from '../../../src/server/directline/RateLimiter';

describe('upload memory', () => {
  it('refuses a reservation past the budget instead of evicting what others hold', () => {
    const budget = new MemoryBudget(100);
    const store = new AttachmentStore(budget);
    expect(budget.tryReserve(60)).toBe(true);
    const id = store.put('conv-a', 'a.pdf', Buffer.alloc(60));
    expect(budget.tryReserve(60)).toBe(false);
    expect(store.get(id, 'conv-a')).toBeDefined();
    store.remove(id);
    expect(budget.tryReserve(60)).toBe(true);
  });

  it('gives a file only to the conversation that uploaded it', () => {
    const store = new AttachmentStore(new MemoryBudget(100));
    const id = store.put('conv-a', 'a.pdf', Buffer.alloc(1));
    expect(store.get(id, 'conv-a')?.name).toBe('a.pdf');
    expect(store.get(id, 'conv-b')).toBeUndefined();
  });

  it('frees the budget of expired files and of forgotten conversations', () => {
    let now = 0;
    const budget = new MemoryBudget(100);
    const store = new AttachmentStore(budget, 1000, () => now);
    budget.tryReserve(40);
    store.put('conv-a', 'a.pdf', Buffer.alloc(40));
    budget.tryReserve(40);
    store.put('conv-b', 'b.pdf', Buffer.alloc(40));
    store.removeOwnedBy('conv-b');
    expect(budget.usedBytes).toBe(40);
    now = 2000;
    store.put('conv-c', 'c.pdf', Buffer.alloc(0));
    expect(budget.usedBytes).toBe(0);
  });
});

describe('rate limits', () => {
  it('spends an allowance per key and renews it each minute', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('ip-a'))).toEqual([true, true, true, false]);
    expect(limiter.take('ip-b')).toBe(true);
    now = 60_000;
    expect(limiter.take('ip-a')).toBe(true);
    expect(limiter.take('ip-a', 3)).toBe(false);
  });
});

describe('conversation log', () => {
  const limits = { maxConversations: 2, maxActivities: 3, idleMs: 1000 };

  it('caps live conversations, forgetting idle ones first', () => {
    let now = 0;
    const forgotten: string[] = [];
    const log = new ConversationLog(limits, (id) => forgotten.push(id), () => now);
    const first = log.create()!;
    log.create();
    expect(log.create()).toBeUndefined();
    now = 5000;
    expect(log.create()).toBeDefined();
    expect(forgotten).toContain(first.id);
  });

  it('caps the activities of one conversation, keeping a reserve for the bot', () => {
    const log = new ConversationLog(limits);
    const conversation = log.create()!;
    for (let i = 0; i < 3; i++) expect(log.append(conversation, { type: 'message' })).toBeDefined();
    expect(log.hasRoom(conversation)).toBe(false);
    expect(log.append(conversation, { type: 'message' })).toBeUndefined();
    expect(log.append(conversation, { type: 'message' }, 1)).toBeDefined();
  });
});
