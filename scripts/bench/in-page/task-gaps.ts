/**
 * A main-thread probe that needs no browser support: a chain of message-channel tasks, each
 * posting the next. Whenever some other task holds the main thread (a content script's injection,
 * a scan slice), the chain stalls; a stall longer than `MIN_GAP_MS` is recorded. Firefox has
 * neither Long Tasks nor Long Animation Frames, and Chromium's LoAF does not name extension
 * scripts, so this is how the start-up task is seen from the page. It costs a little CPU, so
 * pages run it only where that task is what is measured, and only for `RUN_MS`.
 */
import { benchGlobals, type TaskGap } from './api';

const MIN_GAP_MS = 3;
const RUN_MS = 5_000;
const gaps: TaskGap[] = [];
const channel = new MessageChannel();
let last = performance.now();
let running = true;

channel.port1.onmessage = () => {
  const now = performance.now();
  if (now - last > MIN_GAP_MS) gaps.push({ start: last, end: now });
  last = now;
  if (running && now < RUN_MS) channel.port2.postMessage(null);
};
channel.port2.postMessage(null);

const bench = benchGlobals();
bench.taskGaps = gaps;
bench.stopTaskGaps = () => {
  running = false;
};
