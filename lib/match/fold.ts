import type { FoldedText } from './types';

/**
 * Folding turns text into the form that glossary patterns are matched in: accents and other
 * combining marks removed, lower case, full-width ASCII narrowed, whitespace runs collapsed to
 * one space. Every folded code unit remembers the original offset it came from, so a match found
 * in folded text can be marked on the exact original characters.
 *
 * Folding is done one code point at a time (never on the whole string) because only then is the
 * way back exact: each output unit has exactly one source code point. Per-code-point NFD with
 * marks dropped gives the same letters as whole-string NFD, since canonical reordering only moves
 * marks, and those are dropped anyway.
 */

/** Folded form plus offsets, in reusable typed arrays; only the first `length` units are valid. */
export interface FoldedUnits {
  units: Uint16Array;
  /** `map[i]` is the original offset of folded unit i; `map[length]` is the original length. */
  map: Uint32Array;
  length: number;
}

// What one BMP code unit folds to, cached in a table. Values >= 0 are the single folded unit;
// the negative codes below cover every other outcome, so the hot loop does one array read.
const UNKNOWN = -1;
const DROP = -2;
const SPACE = -3;
/** Folds to several units (or is a surrogate pair's first half): take the slow path. */
const MULTI = -4;
const HIGH_SURROGATE = -5;

const SPACE_UNIT = 0x20;
const MARKS = /\p{M}/gu;
const WHITESPACE = /^\s$/u;

interface FoldMode {
  readonly lower: boolean;
  /** Filled lazily, one entry the first time each character is seen: most are never needed. */
  table: Int32Array | undefined;
  readonly multi: Map<number, string>;
  readonly astral: Map<number, string>;
}

const lowerMode: FoldMode = { lower: true, table: undefined, multi: new Map(), astral: new Map() };
/** For acronyms, which must match with their case intact ("GRC" but not "grc"). */
const keepCaseMode: FoldMode = {
  lower: false,
  table: undefined,
  multi: new Map(),
  astral: new Map(),
};

/**
 * Scripts whose canonical decompositions are not accents: NFD splits Hangul syllables into jamo,
 * and kana into a base plus a voicing mark whose loss would turn ジ into シ, another sound.
 */
function keepsComposition(cp: number): boolean {
  return (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x3040 && cp <= 0x30ff);
}

/** The folded form of one code point; `' '` means whitespace. Slow, so its results are cached. */
function foldCodePoint(cp: number, lower: boolean): string {
  // Soft hyphens are invisible hyphenation hints that pages put inside words ("cred&shy;it").
  if (cp === 0xad) return '';
  // Full-width ASCII (common in Chinese text) is the same letter; NFD alone would keep it wide.
  const narrowed = cp >= 0xff01 && cp <= 0xff5e ? cp - 0xfee0 : cp;
  const ch = String.fromCodePoint(narrowed);
  if (WHITESPACE.test(ch)) return ' ';
  if (keepsComposition(narrowed)) return ch;
  let out = ch.normalize('NFD').replace(MARKS, '');
  // Lower-casing can add length ('İ' becomes 'i' + U+0307), so strip marks once more after it.
  if (lower) out = out.toLowerCase().normalize('NFD').replace(MARKS, '');
  return out;
}

function tableOf(mode: FoldMode): Int32Array {
  if (mode.table) return mode.table;
  const table = new Int32Array(0x10000).fill(UNKNOWN);
  mode.table = table;
  return table;
}

function classify(mode: FoldMode, table: Int32Array, c: number): number {
  let code: number;
  if (c >= 0xd800 && c <= 0xdbff) code = HIGH_SURROGATE;
  else if (c >= 0xdc00 && c <= 0xdfff)
    code = c; // a lone low surrogate: keep it as it is
  else {
    const out = foldCodePoint(c, mode.lower);
    if (out === ' ') code = SPACE;
    else if (out.length === 0) code = DROP;
    else if (out.length === 1) code = out.charCodeAt(0);
    else {
      mode.multi.set(c, out);
      code = MULTI;
    }
  }
  table[c] = code;
  return code;
}

function foldAstral(mode: FoldMode, cp: number): string {
  let out = mode.astral.get(cp);
  if (out === undefined) {
    out = foldCodePoint(cp, mode.lower);
    mode.astral.set(cp, out);
  }
  return out;
}

function grow(folded: FoldedUnits, minLength: number): void {
  const size = Math.max(minLength, folded.units.length * 2);
  const units = new Uint16Array(size);
  units.set(folded.units);
  const map = new Uint32Array(size);
  map.set(folded.map);
  folded.units = units;
  folded.map = map;
}

function foldWith(mode: FoldMode, text: string, scratch?: FoldedUnits): FoldedUnits {
  const len = text.length;
  const table = tableOf(mode);
  // Folding rarely lengthens text, so the original length (+1 for the end entry) is enough
  // until a multi-unit result says otherwise; only that slow path checks capacity.
  const out: FoldedUnits =
    scratch && scratch.units.length > len
      ? scratch
      : { units: new Uint16Array(len + 1), map: new Uint32Array(len + 1), length: 0 };
  let units = out.units;
  let map = out.map;
  let n = 0;
  let inSpace = false;

  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    let code = table[c] as number;
    if (code === UNKNOWN) code = classify(mode, table, c);
    if (code >= 0) {
      units[n] = code;
      map[n++] = i;
      inSpace = false;
      continue;
    }
    if (code === SPACE) {
      if (!inSpace) {
        units[n] = SPACE_UNIT;
        map[n++] = i;
        inSpace = true;
      }
      continue;
    }
    // Dropped marks do not end a whitespace run: "a \u0301 b" is still "a b".
    if (code === DROP) continue;

    const origin = i;
    let folded: string;
    if (code === HIGH_SURROGATE) {
      const next = i + 1 < len ? text.charCodeAt(i + 1) : 0;
      if (next < 0xdc00 || next > 0xdfff) {
        units[n] = c; // a lone high surrogate: keep it, it can match nothing anyway
        map[n++] = i;
        inSpace = false;
        continue;
      }
      folded = foldAstral(mode, ((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
      i++;
    } else {
      folded = mode.multi.get(c) ?? '';
    }
    if (folded.length === 0) continue;
    if (folded === ' ') {
      if (!inSpace) {
        units[n] = SPACE_UNIT;
        map[n++] = origin;
        inSpace = true;
      }
      continue;
    }
    // Every later input unit yields at most one output unit, so this keeps room for the rest.
    const needed = n + folded.length + (len - i - 1) + 1;
    if (needed > units.length) {
      out.length = n;
      grow(out, needed);
      units = out.units;
      map = out.map;
    }
    for (let k = 0; k < folded.length; k++) {
      units[n] = folded.charCodeAt(k);
      map[n++] = origin;
    }
    inSpace = false;
  }
  map[n] = len;
  out.length = n;
  return out;
}

/**
 * How one BMP code unit folds (lower case), for a caller that folds in its own loop (the
 * matcher): the single folded unit when >= 0, else `FOLD_SPACE`, `FOLD_DROP`,
 * `FOLD_HIGH_SURROGATE`, or another negative code for a unit that folds to several units, which
 * `foldedForm` gives.
 */
export function foldCode(unit: number): number {
  const table = tableOf(lowerMode);
  const code = table[unit] as number;
  return code === UNKNOWN ? classify(lowerMode, table, unit) : code;
}

/** `foldCode` for whitespace: folds to one space, and a run of it to a single space. */
export const FOLD_SPACE = SPACE;
/** `foldCode` for a unit that folds to nothing (a combining mark, a soft hyphen). */
export const FOLD_DROP = DROP;
/** `foldCode` for the first half of a surrogate pair: fold the pair with `foldedForm`. */
export const FOLD_HIGH_SURROGATE = HIGH_SURROGATE;

/**
 * The folded form of one code point, as a string: `''` when it is dropped, `' '` for whitespace.
 * For the code points `foldCode` cannot answer with one unit: multi-unit folds and astral ones.
 */
export function foldedForm(codePoint: number): string {
  if (codePoint > 0xffff) return foldAstral(lowerMode, codePoint);
  const code = foldCode(codePoint);
  if (code >= 0) return String.fromCharCode(code);
  if (code === SPACE) return ' ';
  if (code === DROP) return '';
  if (code === MULTI) return lowerMode.multi.get(codePoint) ?? '';
  return String.fromCharCode(codePoint); // a high surrogate on its own
}

/** Folds into typed arrays, reusing `scratch` when it is big enough. */
export function foldUnits(text: string, scratch?: FoldedUnits): FoldedUnits {
  return foldWith(lowerMode, text, scratch);
}

const CHUNK = 8192;

/** `apply` accepts any array-like at run time; only its TypeScript signature wants `number[]`. */
function asArgs(units: Uint16Array): number[] {
  return units as unknown as number[];
}

/** Builds a string from code units in chunks, since spreading a huge array overflows the stack. */
export function unitsToString(units: Uint16Array, length: number): string {
  // `apply` takes the typed array as it is; spreading would go through the iterator protocol.
  if (length <= CHUNK) return String.fromCharCode.apply(null, asArgs(units.subarray(0, length)));
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(
      String.fromCharCode.apply(null, asArgs(units.subarray(i, Math.min(i + CHUNK, length)))),
    );
  }
  return parts.join('');
}

/** Folds text for matching and keeps an exact map back to original offsets. */
export function foldText(text: string): FoldedText {
  const folded = foldWith(lowerMode, text);
  return {
    folded: unitsToString(folded.units, folded.length),
    map: folded.map.subarray(0, folded.length + 1),
  };
}

/** Like `foldText(text).folded` but with case kept: how acronyms are compared. */
export function foldKeepCase(text: string): string {
  const folded = foldWith(keepCaseMode, text);
  return unitsToString(folded.units, folded.length);
}

/**
 * The original end offset for a folded end offset: the end of the last original character that
 * contributed, including the marks that were dropped after it. When one original character
 * folded to several units, a match that stops inside them still covers that whole character.
 */
export function originalEnd(map: Uint32Array, foldedEnd: number): number {
  if (foldedEnd === 0) return map[0] as number;
  const last = map[foldedEnd - 1];
  let j = foldedEnd;
  while (map[j] === last) j++;
  return map[j] as number;
}
