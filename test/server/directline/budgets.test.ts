import { AttachmentStore } from '../../../src/server/directline/AttachmentStore';
import { ClientShares } from '../../../src/server/directline/ClientShares';
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
  const limits = { maxConversations: 2, maxConversationsPerClient: 2, maxActivities: 3, maxBytesPerConversation: 10_000, maxTotalBytes: 1_000_000, idleMs: 60 * 60_000, maxLifetimeMs: 24 * 60 * 60_000 };
  const open = (log: ConversationLog, client = 'ip-a') => {
    const conversation = log.create(client);
    if (typeof conversation === 'string') throw new Error(conversation);
    return conversation;
  };

  it('caps live conversations; when full, an idle one gives its place, a busy one does not', () => {
    let now = 0;
    const forgotten: string[] = [];
    const log = new ConversationLog(limits, (id) => forgotten.push(id), () => now);
    const first = open(log, 'ip-a');
    open(log, 'ip-b');
    expect(log.create('ip-c')).toBe('SERVER_FULL');
    now = 20 * 60_000;
    expect(typeof log.create('ip-c')).toBe('object');
    expect(forgotten).toEqual([first.id]);
  });

  it('caps the conversations one client may hold', () => {
    const log = new ConversationLog({ ...limits, maxConversations: 100 });
    open(log);
    open(log);
    expect(log.create('ip-a')).toBe('CLIENT_FULL');
    expect(typeof log.create('ip-b')).toBe('object');
  });

  it('ends a conversation after its lifetime, however active it is', () => {
    let now = 0;
    const log = new ConversationLog({ ...limits, maxLifetimeMs: 1000, idleMs: 10_000 }, undefined, () => now);
    const conversation = open(log);
    now = 900;
    expect(log.get(conversation.id)).toBeDefined();
    now = 1500;
    expect(log.get(conversation.id)).toBeUndefined();
  });

  it('caps the activities and the bytes of one conversation, keeping a reserve for the bot', () => {
    const log = new ConversationLog(limits);
    const conversation = open(log);
    for (let i = 0; i < 3; i++) expect(log.append(conversation, { type: 'message' })).toBeDefined();
    expect(log.hasRoom(conversation)).toBe(false);
    expect(log.append(conversation, { type: 'message' })).toBeUndefined();
    expect(log.append(conversation, { type: 'message' }, 1)).toBeDefined();
    const heavy = open(log, 'ip-b');
    expect(log.append(heavy, { type: 'message', text: 'x'.repeat(20_000) })).toBeUndefined();
    expect(log.append(heavy, { type: 'message', text: 'x'.repeat(5_000) })).toBeDefined();
    expect(log.bytes).toBeGreaterThan(5_000);
  });

  it('answers a poll as JSON text, a page at a time from the watermark', () => {
    const log = new ConversationLog({ ...limits, maxActivities: 500, maxBytesPerConversation: 1_000_000 });
    const conversation = open(log);
    for (let i = 0; i < 150; i++) log.append(conversation, { type: 'message', text: `m${i}` });
    const first = JSON.parse(log.since(conversation, 0)) as { activities: { text: string }[]; watermark: string };
    expect(first.activities).toHaveLength(100);
    expect(first.watermark).toBe('100');
    const second = JSON.parse(log.since(conversation, Number(first.watermark))) as { activities: { text: string }[]; watermark: string };
    expect(second.activities.map((a) => a.text)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 100}`));
    expect(JSON.parse(log.since(conversation, 1e9)).activities).toEqual([]);
  });
});

describe('client shares of the upload memory', () => {
  it('holds each client to its share while its bytes stream in, and frees the share when the upload ends', () => {
    const budget = new MemoryBudget(400);
    const shares = new ClientShares(budget, 50);
    expect(shares.shareBytes).toBe(100);
    const slow = shares.open('ip-a');
    expect(slow.tryReserve(90)).toBe(true);
    const again = shares.open('ip-a');
    expect(again.tryReserve(20)).toBe(false);
    expect(shares.open('ip-b').tryReserve(90)).toBe(true);
    slow.done();
    expect(again.tryReserve(20)).toBe(true);
    expect(budget.usedBytes).toBe(200);
  });

  it('lets one full upload through when it is more than a quarter, up to half the memory', () => {
    expect(new ClientShares(new MemoryBudget(600), 200).shareBytes).toBe(200);
    expect(new ClientShares(new MemoryBudget(100), 200).shareBytes).toBe(50);
  });
});
