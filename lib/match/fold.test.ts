import { describe, expect, it } from 'vitest';
import { foldKeepCase, foldText, originalEnd } from './fold';

/** The folded string and its map as a plain array, which reads better in failures. */
function fold(text: string): { folded: string; map: number[] } {
  const { folded, map } = foldText(text);
  return { folded, map: [...map] };
}

/** The original text behind folded [start, end), mapped the way the matcher maps matches. */
function originalOf(text: string, start: number, end: number): string {
  const { map } = foldText(text);
  return text.slice(map[start], originalEnd(map, end));
}

describe('foldText', () => {
  it('lower-cases ASCII and maps one to one', () => {
    expect(fold('GRC Report')).toEqual({
      folded: 'grc report',
      map: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    });
  });

  it('returns a map one longer than the folded text, ending at the original length', () => {
    for (const text of ['', 'a', 'e\u0301', '  ', 'İ', '😀', 'a\u3000\u3000b']) {
      const { folded, map } = foldText(text);
      expect(map.length).toBe(folded.length + 1);
      expect(map[folded.length]).toBe(text.length);
    }
  });

  it('drops accents from precomposed characters', () => {
    expect(fold('Café')).toEqual({ folded: 'cafe', map: [0, 1, 2, 3, 4] });
    expect(fold('chéng xìn')).toEqual({
      folded: 'cheng xin',
      map: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    });
  });

  it('drops combining marks and keeps the map pointing at their base character', () => {
    // "e" + acute; "a" + two marks: each base keeps its own offset, the marks vanish.
    expect(fold('Cafe\u0301!')).toEqual({ folded: 'cafe!', map: [0, 1, 2, 3, 5, 6] });
    expect(fold('a\u0301\u0302b')).toEqual({ folded: 'ab', map: [0, 3, 4] });
    // A mark with no base (at the very start) is dropped too.
    expect(fold('\u0301x')).toEqual({ folded: 'x', map: [1, 2] });
  });

  it('maps a folded range back over the marks that belong to its last character', () => {
    expect(originalOf('Cafe\u0301!', 0, 4)).toBe('Cafe\u0301');
    expect(originalOf('Café!', 0, 4)).toBe('Café');
    expect(originalOf('xi\u0300n yo\u0300ng', 0, 3)).toBe('xi\u0300n');
  });

  it('folds İ (which lower-cases to two code units) to a single i, exactly mapped', () => {
    expect('İ'.toLowerCase().length).toBe(2); // why this case needs care
    expect(fold('İstanbul')).toEqual({
      folded: 'istanbul',
      map: [0, 1, 2, 3, 4, 5, 6, 7, 8],
    });
    expect(fold('MİX')).toEqual({ folded: 'mix', map: [0, 1, 2, 3] });
    expect(originalOf('aİb', 1, 2)).toBe('İ');
  });

  it('narrows full-width ASCII and treats the ideographic space as a space', () => {
    expect(fold('ＧＲＣ１２３！')).toEqual({ folded: 'grc123!', map: [0, 1, 2, 3, 4, 5, 6, 7] });
    expect(fold('诚信\u3000ＧＲＣ')).toEqual({ folded: '诚信 grc', map: [0, 1, 2, 3, 4, 5, 6] });
  });

  it('collapses every whitespace run to one space mapped to the run start', () => {
    expect(fold('a \t\n\u00a0 b')).toEqual({ folded: 'a b', map: [0, 1, 6, 7] });
    expect(fold('social\u00a0credit')).toEqual({
      folded: 'social credit',
      map: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
    });
    expect(fold('  x  ')).toEqual({ folded: ' x ', map: [0, 2, 3, 5] });
    expect(fold('a\r\n\u2028\u3000\u202fb')).toEqual({ folded: 'a b', map: [0, 1, 6, 7] });
  });

  it('keeps a whitespace run whole across dropped marks', () => {
    expect(fold('a \u0301 b')).toEqual({ folded: 'a b', map: [0, 1, 4, 5] });
  });

  it('keeps surrogate pairs intact, both halves mapped to the start of the pair', () => {
    // Every folded unit maps to the start of its source code point, so no match can end up
    // covering half a pair.
    expect(fold('a😀b')).toEqual({ folded: 'a😀b', map: [0, 1, 1, 3, 4] });
    // CJK Extension B is outside the BMP too.
    expect(fold('𠀀信')).toEqual({ folded: '𠀀信', map: [0, 0, 2, 3] });
    expect(originalOf('x😀y', 1, 3)).toBe('😀');
  });

  it('maps a character that folds to several units back as a whole', () => {
    // U+FA6C, a CJK compatibility ideograph, is canonically the astral U+242EE: one original
    // unit becomes two folded ones, both mapped to it.
    expect(fold('\ufa6cx')).toEqual({ folded: '\u{242ee}x', map: [0, 0, 1, 2] });
    // A range ending inside the expansion still covers the whole original character.
    expect(originalEnd(foldText('\ufa6cx').map, 1)).toBe(1);
    expect(originalEnd(Uint32Array.of(0, 0, 0, 3), 2)).toBe(3);
  });

  it('passes lone surrogates through unchanged', () => {
    expect(fold('\ud800x\udc00')).toEqual({ folded: '\ud800x\udc00', map: [0, 1, 2, 3] });
  });

  it('leaves Han, kana and Hangul as they are', () => {
    expect(fold('诚信建设 誠信').folded).toBe('诚信建设 誠信');
    // Kana keep their voicing marks: ジ and シ are different sounds, not accented variants.
    expect(fold('クレジット').folded).toBe('クレジット');
    expect(fold('신용').folded).toBe('신용');
  });

  it('drops soft hyphens, which pages put inside words', () => {
    expect(fold('cred\u00adit')).toEqual({ folded: 'credit', map: [0, 1, 2, 3, 5, 6, 7] });
  });

  it('is idempotent', () => {
    for (const text of ['Café İ ＧＲＣ  x', 'che\u0301ng\u00a0xi\u0300n', 'a😀\u3000b', 'ΣΑΣ ß']) {
      const once = foldText(text).folded;
      expect(foldText(once).folded).toBe(once);
    }
  });

  it('maps every folded unit to the original character it came from', () => {
    const text = 'Zürich\u00a0ＧＲＣ İ e\u0301 😀 诚信 cred\u00adit';
    const { folded, map } = foldText(text);
    for (let i = 0; i < folded.length; i++) {
      const at = map[i] as number;
      expect(at).toBeLessThan(text.length);
      if (i > 0) expect(at).toBeGreaterThanOrEqual(map[i - 1] as number);
      // The source code point, folded on its own, yields this unit (spaces: any whitespace).
      const source = String.fromCodePoint(text.codePointAt(at) as number);
      expect(foldText(source).folded).toContain(folded[i]);
    }
  });
});

describe('foldKeepCase', () => {
  it('folds like foldText but keeps the case', () => {
    expect(foldKeepCase('ＧＲＣ')).toBe('GRC');
    expect(foldKeepCase('ÉCOLE Café')).toBe('ECOLE Cafe');
    expect(foldKeepCase('G\u0301RC\u00a0\n X')).toBe('GRC X');
    expect(foldKeepCase('İ')).toBe('I');
  });
});
