import { describe, expect, it } from 'vitest';
import { addTermUrl, cleanSelection, guessForm, readAddParam } from './prefill';

const page = 'chrome-extension://abc/options.html';

describe('the "Add to glossary" address', () => {
  it('carries the selection to the add form at "Your terms"', () => {
    const url = addTermUrl(page, '  hù kǒu  户口 & co?#x ');
    expect(url).toBe(`${page}?add=h%C3%B9+k%C7%92u+%E6%88%B7%E5%8F%A3+%26+co%3F%23x#your-terms`);
    expect(readAddParam(url)).toBe('hù kǒu 户口 & co?#x');
  });

  it('collapses line breaks and drops control and invisible characters', () => {
    expect(cleanSelection('social\n\tcredit\u0000\u200b system\u2028')).toBe(
      'social credit system',
    );
    expect(cleanSelection(' \n ')).toBeNull();
    expect(addTermUrl(page, '\u0007')).toBe(`${page}#your-terms`);
  });

  it('cuts long selections to a term’s length without splitting a character', () => {
    const long = '🙂'.repeat(200);
    const cleaned = cleanSelection(long)!;
    expect([...cleaned]).toHaveLength(120);
    expect(cleaned).toBe('🙂'.repeat(120));
    // A hand-made address is cut as well.
    expect(readAddParam(`${page}?add=${'a'.repeat(5_000)}`)).toHaveLength(120);
  });

  it('reads nothing from an address without the parameter', () => {
    expect(readAddParam(`${page}#your-terms`)).toBeNull();
    expect(readAddParam('not a url')).toBeNull();
  });
});

describe('guessing a written form', () => {
  it('takes Chinese, pinyin with tone marks, acronyms and English apart', () => {
    expect(guessForm('户口')).toEqual({ lang: 'zh-Hans', sensitive: false });
    expect(guessForm('hù kǒu')).toEqual({ lang: 'pinyin', sensitive: false });
    expect(guessForm('FCRA')).toEqual({ lang: 'en', sensitive: true });
    expect(guessForm('Fair Credit Reporting Act')).toEqual({ lang: 'en', sensitive: false });
  });
});
