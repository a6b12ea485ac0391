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

  it('keeps memory bounded by evicting other conversations first', () => {
    const sessions = new DossierSessions(60_000, 100);
    sessions.add('old', [file('a.pdf', 80)], 0);
    sessions.add('new', [file('b.pdf', 80)], 1);
    expect(sessions.add('old', [file('c.pdf', 1)], 2).earlier).toEqual([]);
  });
});
