import { foldKeepCase } from './fold';

/**
 * Whether the original characters `text[start, end)` spell `exact` with the same case, ignoring
 * marks, character width and whitespace differences as the fold does. Acronym aliases use this:
 * "GRC" must not match "grc".
 */
export function hasExactCase(text: string, start: number, end: number, exact: string): boolean {
  // Most hits are typed exactly like the alias; that needs no folding or allocation at all.
  if (end - start === exact.length && text.startsWith(exact, start)) return true;
  // Printable ASCII folds to itself when case is kept, so the failed comparison above is final.
  // This keeps a page full of lower-case "grc" cheap.
  let plain = true;
  for (let i = start; i < end && plain; i++) {
    const c = text.charCodeAt(i);
    plain = c >= 0x20 && c < 0x7f && !(c === 0x20 && text.charCodeAt(i + 1) === 0x20);
  }
  if (plain) return false;
  return foldKeepCase(text.slice(start, end)) === exact;
}
