/**
 * Runs in the page from its first script on: at every animation frame, notes how many ranges the
 * extension's term highlight holds, whenever that changes. A mark added before a frame's callbacks
 * is painted in that frame, so this is when the reader sees it. No MutationObserver (highlights do
 * not mutate the DOM) and nothing heavier than one `size` read per frame.
 */
import { benchGlobals, type TimelinePoint } from './api';

const HIGHLIGHT = 'credit-lens-term';
const points: TimelinePoint[] = [];
let last = -1;

function onFrame(): void {
  const size = CSS.highlights.get(HIGHLIGHT)?.size ?? 0;
  if (size !== last) {
    points.push({ t: performance.now(), size });
    last = size;
  }
  requestAnimationFrame(onFrame);
}
requestAnimationFrame(onFrame);

const bench = benchGlobals();
bench.marksTimeline = points;
// The scanner adds near-viewport matches first, so the highlight's insertion order tells how large
// it was when the last on-screen mark arrived.
bench.visibleMarks = () => {
  let inViewport = 0;
  let sizeWhenAllShown = 0;
  let index = 0;
  for (const range of CSS.highlights.get(HIGHLIGHT) ?? []) {
    index++;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const box = live.getBoundingClientRect();
    if (box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth) {
      inViewport++;
      sizeWhenAllShown = index;
    }
  }
  return { inViewport, sizeWhenAllShown };
};
