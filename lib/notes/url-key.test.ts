import { describe, expect, it } from 'vitest';
import { urlKey } from './url-key';

describe('urlKey', () => {
  it.each([
    ['drops the fragment', 'https://example.org/a#section-2', 'https://example.org/a'],
    [
      'drops utm_* and click ids',
      'https://example.org/a?utm_source=x&id=3&fbclid=abc&UTM_Medium=y&gclid=1',
      'https://example.org/a?id=3',
    ],
    [
      'sorts the parameters it keeps',
      'https://example.org/a?b=2&a=1',
      'https://example.org/a?a=1&b=2',
    ],
    ['removes an empty query', 'https://example.org/a?utm_source=x', 'https://example.org/a'],
    [
      'lower-cases the host and drops the default port',
      'HTTPS://Example.ORG:443/Path',
      'https://example.org/Path',
    ],
    ['keeps the path case and trailing slash', 'https://example.org/A/', 'https://example.org/A/'],
    ['keeps a URL that does not parse, trimmed', '  not a url ', 'not a url'],
    [
      'handles non-ASCII hosts and paths',
      'https://例子.中国/信用?x=诚信#f',
      'https://xn--fsqu00a.xn--fiqs8s/%E4%BF%A1%E7%94%A8?x=%E8%AF%9A%E4%BF%A1',
    ],
  ])('%s', (_name, input, expected) => {
    expect(urlKey(input)).toBe(expected);
  });
});
