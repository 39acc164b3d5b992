import { foldKeepCase, foldText } from '../lib/match/fold';
import type { MatchableEntry } from '../lib/match/patterns';
import type { TermMatch } from '../lib/match/types';

/*
 * Test support for the matcher: a brute-force reference that applies the matching rules
 * literally (every alias tried at every position), and a seeded random generator. The matcher's
 * tests compare its answers with the reference on random glossaries and texts.
 */

/** mulberry32, so a failure names a seed that reproduces it. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A brute-force matcher written straight from the rules, sharing only `foldText` (tested on its
 * own) with the real one: every pattern is tried at every folded offset.
 */
export function referenceFind(entries: readonly MatchableEntry[], text: string): TermMatch[] {
  const word = (ch: string | undefined): boolean =>
    ch !== undefined &&
    /[\p{L}\p{N}]/u.test(ch) &&
    !/[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}\p{scx=Bopo}]/u.test(ch);
  const spellings = (syllables: string[]): string[] =>
    syllables.length <= 1
      ? [syllables.join('')]
      : spellings(syllables.slice(1)).flatMap((rest) => [
          `${syllables[0]} ${rest}`,
          `${syllables[0]}${rest}`,
        ]);

  const { folded, map } = foldText(text);
  const originalEndOf = (end: number): number => {
    let j = end;
    while (j < folded.length && map[j] === map[end - 1]) j++;
    return map[j] as number;
  };
  const candidates: TermMatch[] = [];
  for (let at = 0; at < folded.length; at++) {
    const tried = new Set<string>();
    for (const e of entries) {
      for (const alias of e.aliases) {
        const kept = foldKeepCase(alias.text).trim();
        const forms = alias.lang === 'pinyin' ? spellings(kept.split(' ').filter(Boolean)) : [kept];
        for (const form of forms) {
          const pattern = foldText(form).folded.trim();
          if (!pattern || !folded.startsWith(pattern, at)) continue;
          const end = at + pattern.length;
          const chars = [...pattern];
          if (word(chars[0]) && word([...folded.slice(0, at)].pop())) continue;
          if (word(chars[chars.length - 1]) && word([...folded.slice(end)][0])) continue;
          const start = map[at] as number;
          const originalEnd = originalEndOf(end);
          if (alias.case === 'sensitive' && foldKeepCase(text.slice(start, originalEnd)) !== form) {
            continue;
          }
          // The first entry (in glossary order) that accepts this spelling here takes it.
          if (tried.has(pattern)) continue;
          tried.add(pattern);
          candidates.push({ start: at, end, entryId: e.id });
        }
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: TermMatch[] = [];
  for (const c of candidates) {
    const last = chosen[chosen.length - 1];
    if (!last || c.start >= last.end) chosen.push(c);
  }
  return chosen.map((c) => ({
    start: map[c.start] as number,
    end: originalEndOf(c.end),
    entryId: c.entryId,
  }));
}
