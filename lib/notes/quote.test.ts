import { describe, expect, it } from 'vitest';
import { LIMITS } from './note';
import { contextQuote, sentenceQuote } from './quote';

describe('sentenceQuote', () => {
  const text =
    'Western readers often misread it. The social credit system is mostly about markets. It is not one score.';
  const start = text.indexOf('social credit system');

  it('quotes the sentence around the term, with context either side', () => {
    const quote = sentenceQuote(text, start, start + 'social credit system'.length, 'en');
    expect(quote.exact).toBe('The social credit system is mostly about markets.');
    expect(quote.prefix).toBe('Western readers often misread it. ');
    expect(quote.suffix).toBe(' It is not one score.');
  });

  it('segments Chinese sentences', () => {
    const zh = '这是第一句。诚信是社会信用体系的一部分。第三句。';
    const at = zh.indexOf('诚信');
    expect(sentenceQuote(zh, at, at + 2, 'zh').exact).toBe('诚信是社会信用体系的一部分。');
  });

  it('shortens a huge sentence around the term, under the size limit', () => {
    const long = `${'word '.repeat(2_000)}GRC ${'word '.repeat(2_000)}`;
    const at = long.indexOf('GRC');
    const quote = sentenceQuote(long, at, at + 3, 'en');
    expect(quote.exact).toContain('GRC');
    expect(new TextEncoder().encode(quote.exact).length).toBeLessThanOrEqual(LIMITS.quoteBytes);
    expect(quote.prefix.length).toBeLessThanOrEqual(LIMITS.contextChars);
  });
});

describe('contextQuote', () => {
  it('trims and collapses whitespace', () => {
    expect(contextQuote('a  \n  b', 0, 7)).toEqual({ exact: 'a b', prefix: '', suffix: '' });
  });
});
