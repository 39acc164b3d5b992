/*
 * Seeded mutations of a valid import file, shared by the notes and the custom-terms fuzz tests.
 * Each importer's case list (`notes-cases.ts`, `custom-terms-cases.ts`) starts from one of its
 * own valid exports and breaks it in the ways below; the same seed always gives the same files,
 * so a failing case is reproduced by its name alone.
 */

export type Rng = () => number;

/** One generated file: what the reader would pick in the file dialog. */
export interface FuzzCase {
  /** The kind of damage, for the per-category figures. */
  readonly category: string;
  /** Category, index and what was done, so a failure can be found again. */
  readonly name: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** When the damage decides the outcome: a case that must be refused, or must import. */
  readonly expected?: 'rejected' | 'accepted';
}

export const utf8 = new TextEncoder();

export function int(rng: Rng, below: number): number {
  return Math.floor(rng() * below);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[int(rng, items.length)]!;
}

/** Keys that reach an object's prototype when code assigns them naively. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** What a hostile key carries: if it ever lands on a prototype, `({}).polluted` becomes true. */
export const POLLUTION = { polluted: true, prototype: { polluted: true } };

/** Values of every JSON type (and numbers JSON can write but no field accepts). */
export const WRONG_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e-308,
  '',
  ' ',
  '0',
  'null',
  '1',
  [],
  [null],
  ['a', 1],
  {},
  { a: 1 },
  { length: 1, 0: 'x' },
];

/**
 * Text readers really write, and text meant to trip code that assumes ASCII: CJK, emoji (with
 * skin tones and joiners), right-to-left scripts with direction marks, zero-width characters,
 * combining marks, NUL and other controls, a byte-order mark in the middle, lone surrogates.
 */
export const HARD_TEXTS: readonly string[] = [
  '诚信体系建设',
  '社會信用體系',
  'chéngxìn tǐxì',
  '👩🏽‍💻 notes 🇨🇳 🏳️‍🌈',
  'مرحبا بالعالم',
  'שלום \u202Eevil\u202C עולם',
  '\u200B\u200C\u200D\u2060\uFEFF',
  'e\u0301\u0301\u0301 Z\u0351\u0352\u0353',
  'nul\u0000byte',
  'controls \u0001\u0007\u001B[31m',
  'line\r\nbreaks\u2028and\u2029more',
  '\uD800 lone high',
  'lone low \uDFFF',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x","y")',
  '"quoted", comma; semicolon\ttab',
  'a'.repeat(300),
];

export type Path = readonly (string | number)[];

/** Every path to a value inside a JSON document (the root is `[]`). */
export function paths(value: unknown, prefix: Path = []): Path[] {
  const found: Path[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, i) => found.push(...paths(item, [...prefix, i])));
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) found.push(...paths(value[key], [...prefix, key]));
  }
  return found;
}

/** Paths to objects (places where a key can be added or removed). */
export function objectPaths(value: unknown): Path[] {
  return paths(value).filter((path) => isObject(get(value, path)));
}

export function get(value: unknown, path: Path): unknown {
  let at = value;
  for (const key of path) at = (at as Record<string | number, unknown>)[key];
  return at;
}

/**
 * A copy of `value` with the thing at `path` replaced (or removed, for `REMOVE`). Keys are set as
 * own data properties, so `__proto__` becomes a real key of the written file, not a prototype.
 */
export function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [key, ...rest] = path;
  const parent = copy(value);
  const child = setAt((value as Record<string | number, unknown>)[key!], rest, next);
  if (child === REMOVE) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else Reflect.deleteProperty(parent, key!);
  } else define(parent, key!, child);
  return parent;
}

/** A copy of the object at `path` with one more key (any key, `__proto__` included). */
export function addKey(value: unknown, path: Path, key: string, item: unknown): unknown {
  const target = copy(get(value, path));
  define(target, key, item);
  return setAt(value, path, target);
}

export const REMOVE = Symbol('remove');

function copy(value: unknown): Record<string | number, unknown> {
  if (Array.isArray(value)) return [...(value as unknown[])] as unknown as Record<number, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) define(out, key, (value as never)[key]);
  return out;
}

function define(target: object, key: string | number, item: unknown): void {
  Object.defineProperty(target, key, {
    value: item,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value nested `depth` arrays deep: parsers and validators that recurse must not overflow. */
export function deeplyNested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

// ---------------------------------------------------------------------------------------------
// Byte-level damage: what a cut download, a wrong encoding or a disk error does to a file.

/** The file cut at a random byte (possibly inside a multi-byte character). */
export function truncateBytes(rng: Rng, bytes: Uint8Array): Uint8Array {
  return bytes.slice(0, int(rng, bytes.length));
}

/** A few bytes overwritten with random values (often invalid UTF-8). */
export function flipBytes(rng: Rng, bytes: Uint8Array, count: number): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i < count; i++) out[int(rng, out.length)] = int(rng, 256);
  return out;
}

/** Bytes that are never valid UTF-8, spliced in at a random place. */
export function insertBytes(rng: Rng, bytes: Uint8Array, inserted: readonly number[]): Uint8Array {
  const at = int(rng, bytes.length + 1);
  const out = new Uint8Array(bytes.length + inserted.length);
  out.set(bytes.subarray(0, at));
  out.set(inserted, at);
  out.set(bytes.subarray(at), at + inserted.length);
  return out;
}

export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0xc0, 0xaf], // overlong "/"
  [0xed, 0xa0, 0x80], // an encoded surrogate
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe4, 0xbd], // a CJK character cut short
  [0x00],
  [0xef, 0xbb, 0xbf], // a byte-order mark in the middle
];

/** The text as UTF-16 with a byte-order mark (what some editors save as "Unicode"). */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + 2 * i] = unit & 0xff;
    out[3 + 2 * i] = unit >> 8;
  }
  return out;
}

/** `count` cases of one category, each named by its index and what was done to it. */
export function cases(
  category: string,
  count: number,
  make: (i: number) => Omit<FuzzCase, 'category' | 'name'> & { what: string },
): FuzzCase[] {
  return Array.from({ length: count }, (_, i) => {
    const { what, ...file } = make(i);
    return { category, name: `${category} #${i}: ${what}`, ...file };
  });
}
