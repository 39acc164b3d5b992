import {
  HOSTILE_KEYS,
  INVALID_UTF8,
  POLLUTION,
  REMOVE,
  WRONG_VALUES,
  addKey,
  cases,
  deeplyNested,
  flipBytes,
  insertBytes,
  int,
  objectPaths,
  paths,
  pick,
  setAt,
  truncateBytes,
  type FuzzCase,
  type Path,
  type Rng,
} from './mutate';

/*
 * The damage both importers face alike: a versioned JSON envelope around a list of entries
 * (`{ format, version, exportedAt, notes | terms }`), cut, corrupted, retyped, given unknown or
 * hostile keys, a wrong format or version, huge text or deep nesting. Each importer adds the
 * cases that are its own (missing fields, duplicates, limits, CSV).
 */

/** One way to write the file's data: JSON, or (for custom terms) CSV too. */
export type Writer = (data: unknown) => { label: string; fileName: string; bytes: Uint8Array };

export interface EnvelopeShape {
  /** The valid file, as data. */
  readonly base: Record<string, unknown>;
  /** The first writes JSON; byte damage and huge fields take turns over all of them. */
  readonly writers: readonly Writer[];
  /** The key of the entry list: `notes` or `terms`. */
  readonly listKey: string;
  /** Where an unknown key must be refused (strict objects): an entry, a quote... */
  readonly strictAt: (path: Path) => boolean;
  /** Envelope keys the importer does not read, so anything there is harmless. */
  readonly ignoredKeys: readonly string[];
  /** Fields every writer carries, for the 10 MB cases. */
  readonly textFields: readonly string[];
  /** The other importer's format name, and other wrong ones. */
  readonly wrongFormats: readonly unknown[];
  readonly counts: {
    truncated: number;
    damaged: number;
    wrongType: number;
    unknownField: number;
    tenMegabytes: number;
    deepNesting: number;
  };
}

export function envelopeCases(rng: Rng, shape: EnvelopeShape): FuzzCase[] {
  const { base, writers, listKey, counts } = shape;
  const json = writers[0]!;
  const written = writers.map((write) => write(base));
  const allPaths = paths(base).filter((p) => p.length > 0);
  const objects = objectPaths(base);
  const inEntries = allPaths.filter((p) => p[0] === listKey && p.length >= 3);
  const read = (path: Path) => !shape.ignoredKeys.includes(String(path[0]));

  const refusedIf = (condition: boolean) => (condition ? { expected: 'rejected' as const } : {});
  const one = (category: string, what: string, data: unknown, refused: boolean): FuzzCase => {
    const { fileName, bytes } = json(data);
    return { category, name: `${category}: ${what}`, fileName, bytes, ...refusedIf(refused) };
  };

  return [
    ...cases('truncated', counts.truncated, (i) => {
      const { label, fileName, bytes } = written[i % written.length]!;
      const cut = truncateBytes(rng, bytes);
      return { what: `${label} cut at byte ${cut.length}`, fileName, bytes: cut };
    }),
    ...cases('damaged bytes', counts.damaged, (i) => {
      const { label, fileName, bytes } = written[i % written.length]!;
      const flip = Math.floor(i / written.length) % 2 === 0;
      return {
        what: `${label} ${flip ? 'bytes overwritten' : 'invalid UTF-8 inserted'}`,
        fileName,
        bytes: flip
          ? flipBytes(rng, bytes, 1 + int(rng, 4))
          : insertBytes(rng, bytes, pick(rng, INVALID_UTF8)),
      };
    }),
    ...cases('wrong type', counts.wrongType, () => {
      const path = pick(rng, allPaths);
      const value = pick(rng, WRONG_VALUES);
      return {
        what: `${path.join('.')} = ${JSON.stringify(value)}`,
        ...json(setAt(base, path, value)),
      };
    }),
    ...cases('unknown field', counts.unknownField, () => {
      const path = pick(rng, objects.filter(shape.strictAt));
      const key = pick(rng, ['words', 'Body', 'defintion', 'extra', '', ' ', '诚信', '\u0000']);
      return {
        what: `${[...path, key].join('.')} added`,
        ...json(addKey(base, path, key, pick(rng, WRONG_VALUES))),
        expected: 'rejected',
      };
    }),
    // Every hostile key in every object of the file, each with three values.
    ...objects.flatMap((path) =>
      HOSTILE_KEYS.flatMap((key) =>
        [POLLUTION, null, 'x'].map((value) =>
          one(
            'prototype keys',
            `${[...path, key].join('.')} = ${JSON.stringify(value)}`,
            addKey(base, path, key, value),
            shape.strictAt(path),
          ),
        ),
      ),
    ),
    ...[0, -1, 2, 999, 1.5, '1', null, true, '', [], {}, 1e308, [1]].map((version) =>
      one('format version', `version ${JSON.stringify(version)}`, { ...base, version }, true),
    ),
    ...shape.wrongFormats.map((format) =>
      one('format version', `format ${JSON.stringify(format)}`, { ...base, format }, true),
    ),
    ...['format', 'version', listKey].map((key) =>
      one('format version', `no ${key}`, setAt(base, [key], REMOVE), true),
    ),
    ...cases('10 MB field', counts.tenMegabytes, (i) => {
      const path = pick(
        rng,
        inEntries.filter((p) => shape.textFields.includes(String(p.at(-1)))),
      );
      const big = pick(rng, ['x', '诚', '🙂']).repeat(Math.ceil(10_000_000 / (i % 2 ? 3 : 4)));
      const { label, ...file } = writers[i % writers.length]!(setAt(base, path, big));
      return {
        what: `${label} ${path.join('.')} is ${big.length.toLocaleString('en')} characters`,
        ...file,
        expected: 'rejected',
      };
    }),
    ...cases('deep nesting', counts.deepNesting, (i) => {
      const path = pick(rng, allPaths);
      const depth = [10, 1_000, 100_000][i % 3]!;
      const text = JSON.stringify(setAt(base, path, '__deep__')).replace(
        '"__deep__"',
        deeplyNested(depth),
      );
      return {
        what: `${path.join('.')} nested ${depth} deep`,
        fileName: json(base).fileName,
        bytes: new TextEncoder().encode(text),
        ...refusedIf(read(path)),
      };
    }),
  ];
}
