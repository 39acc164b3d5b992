import type { UnreadableReason } from '~/lib/messages';

/**
 * Editors that draw their text on a `<canvas>`: the page's DOM holds no readable text, so there is
 * nothing to mark. Matched by host and path, because their pages look empty to any scanner.
 */
const CANVAS_EDITORS: readonly { host: RegExp; path?: RegExp }[] = [
  { host: /^docs\.google\.com$/, path: /^\/(document|spreadsheets|presentation|drawings)\// },
  { host: /(^|\.)figma\.com$/, path: /^\/(file|design|board|slides|proto)\// },
  { host: /(^|\.)canva\.com$/, path: /^\/design\// },
  { host: /(^|\.)excalidraw\.com$/ },
  { host: /(^|\.)miro\.com$/, path: /^\/app\// },
];

/** A canvas at least this share of the viewport, on a page with almost no text, is an editor. */
const CANVAS_VIEWPORT_SHARE = 0.4;
const LITTLE_TEXT_CHARS = 200;

/** Why a document cannot be read before it is scanned: a PDF, a lone image or video, a known editor. */
export function unreadableBeforeScan(
  doc: Document,
  location: { hostname: string; pathname: string },
): UnreadableReason | null {
  const type = doc.contentType;
  // Chromium shows a PDF in an extension's viewer inside an <embed>; Firefox's pdf.js viewer is
  // closed to extensions altogether (the popup then hears nothing from the page).
  if (type === 'application/pdf' || doc.querySelector('embed[type="application/pdf"]')) {
    return 'pdf';
  }
  if (/^(image|video|audio)\//.test(type)) return 'media';
  const editor = CANVAS_EDITORS.some(
    ({ host, path }) => host.test(location.hostname) && (!path || path.test(location.pathname)),
  );
  return editor ? 'canvas-editor' : null;
}

/**
 * After a full scan: a page whose text is almost nothing while a large canvas fills the screen
 * is taken for a canvas editor (an unknown one), so the popup can say why nothing is marked.
 */
export function unreadableAfterScan(doc: Document, scannedChars: number): UnreadableReason | null {
  if (scannedChars >= LITTLE_TEXT_CHARS) return null;
  const view = doc.defaultView;
  if (!view) return null;
  const viewportArea = view.innerWidth * view.innerHeight;
  if (viewportArea === 0) return null;
  for (const canvas of doc.querySelectorAll('canvas')) {
    const box = canvas.getBoundingClientRect();
    const width = Math.max(0, Math.min(box.right, view.innerWidth) - Math.max(box.left, 0));
    const height = Math.max(0, Math.min(box.bottom, view.innerHeight) - Math.max(box.top, 0));
    if (width * height >= viewportArea * CANVAS_VIEWPORT_SHARE) return 'canvas-editor';
  }
  return null;
}
