import { DossierSessions } from '../../src/bidcheck/DossierSessions';

const file = (name: string, size = 10) => ({ name, bytes: Buffer.alloc(size, 1) });

describe('DossierSessions', () => {
  it('gathers the pieces of one conversation, a piece sent again replacing the old one', () => {
    const sessions = new DossierSessions();
    expect(sessions.add('c1', [file('kbis.pdf')], 0)).toMatchObject({ earlier: [] });
    const second = sessions.add('c1', [file('dc1.pdf'), file('kbis.pdf', 20)], 1000);
    expect(second.earlier).toEqual([]);
    expect(second.files.map((f) => [f.name, f.bytes.length])).toEqual([['dc1.pdf', 10], ['kbis.pdf', 20]]);
    expect(sessions.add('c1', [file('rib.pdf')], 2000).earlier).toEqual(['dc1.pdf', 'kbis.pdf']);
    expect(sessions.add('c2', [file('x.pdf')], 2000).earlier).toEqual([]);
  });

  it('forgets a piece 30 minutes after it was received, and on clear', () => {
    const sessions = new DossierSessions(30 * 60 * 1000);
    sessions.add('c1', [file('kbis.pdf')], 0);
    expect(sessions.add('c1', [file('dc1.pdf')], 31 * 60 * 1000).earlier).toEqual([]);
    sessions.clear('c1');
    expect(sessions.add('c1', [file('rib.pdf')], 31 * 60 * 1000).earlier).toEqual([]);
  });

  it('keeps memory bounded without pushing out another conversation: the new batch is checked, not kept', () => {
    const sessions = new DossierSessions(60_000, 100);
    expect(sessions.add('first', [file('a.pdf', 80)], 0).kept).toBe(true);
    const crowded = sessions.add('second', [file('b.pdf', 80)], 1);
    expect(crowded).toMatchObject({ kept: false, files: [{ name: 'b.pdf' }] });
    expect(sessions.add('first', [file('c.pdf', 1)], 2)).toMatchObject({ kept: true, earlier: ['a.pdf'] });
    expect(sessions.add('second', [file('d.pdf', 1)], 3).earlier).toEqual([]);
  });

  it('lets a conversation replace its own pieces when memory is tight', () => {
    const sessions = new DossierSessions(60_000, 100);
    sessions.add('c1', [file('kbis.pdf', 90)], 0);
    expect(sessions.add('c1', [file('kbis.pdf', 95)], 1).kept).toBe(true);
  });
});
