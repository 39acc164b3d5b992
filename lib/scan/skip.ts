import { shadowHostOf } from './composed-tree';

/**
 * What the scanner must not read: code, form fields, editors, things hidden from readers, and our
 * own UI. Marking text there is at best noise and at worst breaks the page (editors re-render on
 * selection changes, and code is not prose).
 */

/** Elements whose whole subtree is never prose. Upper-case: `Element.tagName` of HTML elements. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
]);

/** The tag of the one host element we add to a page (see `entrypoints/content/popover-host.ts`). */
export const UI_HOST_TAG = 'credit-lens-ui';

/** Rich-text and code editors keep their own model of the DOM; never touch their text. */
const EDITOR_SELECTOR =
  '.cm-editor, .CodeMirror, .ProseMirror, .monaco-editor, .ace_editor, .ql-editor';

/** The same rules as one selector, for checking the ancestors of a subtree that is rescanned. */
export const SKIPPED_ANCESTOR_SELECTOR = [
  ...[...SKIP_TAGS].map((tag) => tag.toLowerCase()),
  UI_HOST_TAG,
  '[contenteditable]:not([contenteditable="false"])',
  '[aria-hidden="true"]',
  EDITOR_SELECTOR,
].join(', ');

/**
 * Whether this element's subtree is skipped, judged from the element alone (its ancestors were
 * judged when the walk passed them). SVG and MathML tag names are lower-case, hence the upper-casing.
 */
export function isSkippedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase()) || el.localName === UI_HOST_TAG) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  // Editors are rare; `matches` only runs for elements that carry a class at all.
  return el.classList.length > 0 && el.matches(EDITOR_SELECTOR);
}

/**
 * Whether `node` lies inside a skipped subtree (used before rescanning part of a page), looking
 * through shadow roots to the hosts around them: a component inside an editor is skipped too.
 */
export function isInsideSkipped(node: Node): boolean {
  for (let at: Node | null = node; at; at = shadowHostOf(at)) {
    const el = at.nodeType === Node.ELEMENT_NODE ? (at as Element) : at.parentElement;
    if (el?.closest(SKIPPED_ANCESTOR_SELECTOR)) return true;
  }
  return false;
}
