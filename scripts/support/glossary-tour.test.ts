import { describe, expect, it } from 'vitest';
import { glossaryEntries } from '../../e2e/support/glossary';
import { tourMatches } from './glossary-tour';

describe('recall on the glossary tour (demo/glossary-tour.html)', () => {
  const matches = tourMatches();

  it('finds every entry of the glossary', () => {
    const found = new Set(matches.map((m) => m.entryId));
    const missed = glossaryEntries.map((e) => e.id).filter((id) => !found.has(id));
    expect(missed).toEqual([]);
  });

  it('finds them through every kind of written form', () => {
    // English, Chinese characters, tone-marked pinyin and toneless pinyin all appear.
    const texts = matches.map((m) => m.text);
    expect(texts.some((t) => /\p{Script=Han}/u.test(t))).toBe(true);
    expect(texts.some((t) => /[āáǎàēéěèīíǐìōóǒòūúǔù]/.test(t))).toBe(true);
    expect(texts).toContain('GRC');
    expect(texts).toContain('dingceng sheji');
  });
});
