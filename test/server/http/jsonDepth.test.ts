import { exceedsJsonDepth } from '../../../src/server/http/jsonDepth';

describe('JSON depth', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(exceedsJsonDepth('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(exceedsJsonDepth('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(exceedsJsonDepth(JSON.stringify({ text: '[[[[[[[[{{{{{{' }), 2)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ text: 'a \\" [[[[[[' }), 2)).toBe(false);
  });

  it('stops early on a very deep body', () => {
    expect(exceedsJsonDepth('['.repeat(1_000_000), 64)).toBe(true);
  });
});
