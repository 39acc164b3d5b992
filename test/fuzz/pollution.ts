/*
 * Prototype pollution check: a hostile `__proto__` or `constructor.prototype` key that an importer
 * assigned naively would add a property to a built-in prototype, visible on every object.
 */

const WATCHED: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

const before = new Map(WATCHED.map(([name, proto]) => [name, Reflect.ownKeys(proto).length]));

/** Names of built-in prototypes that gained a property since this module loaded. */
export function pollutedPrototypes(): string[] {
  const found = WATCHED.filter(
    ([name, proto]) => Reflect.ownKeys(proto).length !== before.get(name),
  ).map(([name]) => name);
  if (({} as Record<string, unknown>).polluted !== undefined) found.push('({}).polluted');
  return found;
}
