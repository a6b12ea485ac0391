import { formatSize } from '../../src/attachments/formatSize';

describe('formatSize', () => {
  it.each([
    [0, '0 octet'],
    [1, '1 octet'],
    [850, '850 octets'],
    [2048, '2 Ko'],
    [12_595, '12,3 Ko'],
    [50 * 1024 * 1024, '50 Mo'],
    [3.5 * 1024 * 1024 * 1024, '3,5 Go'],
  ])('%d bytes read "%s"', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});
