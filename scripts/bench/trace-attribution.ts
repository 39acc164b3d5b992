/**
 * Which main-thread tasks the extension caused, from a Chromium trace.
 *
 * Why a trace: Long Animation Frames would be the natural tool, but Chromium leaves scripts of
 * isolated worlds (content scripts) out of a frame's `scripts`, so a LoAF can never be pinned on
 * an extension (checked: on a page scanned for 137 ms, every LoAF had `scripts: []`). The trace's
 * sampling profiler does see content-script frames by their `chrome-extension://` URL, so:
 * - a top-level task on the page's main thread is the extension's if it evaluated the content
 *   script, or if at least half of the profiler samples inside it have an extension frame on the
 *   stack (the majority, because our MutationObserver callback runs inside the page's own task
 *   that changed the DOM: that task is the page's, with a small part of ours, reported apart);
 * - its whole duration then counts, including style and layout it forced.
 * Work the browser does later because of us (painting the highlights) is in rendering tasks with
 * no script of ours on the stack, and is not counted.
 */

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: on a busy machine `dur` also counts time the thread was not running. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: {
        nodes?: { id: number; parent?: number; callFrame: { url?: string } }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

/**
 * Trace categories. `light`: top-level tasks and script evaluation, enough to time the task that
 * injected the content script, at little cost to the page. `profile` adds the sampling profiler,
 * which attributes every other task but slows JavaScript down, so its durations read high.
 */
export const TRACE_CATEGORIES = {
  light: ['toplevel', 'devtools.timeline', 'blink.user_timing'],
  profile: [
    'toplevel',
    'devtools.timeline',
    'blink.user_timing',
    'v8.execute',
    'disabled-by-default-v8.cpu_profiler',
  ],
} as const;

export interface ExtensionTask {
  /** Trace clock, milliseconds. */
  start: number;
  durationMs: number;
  /** CPU time of the thread in the task. */
  cpuMs: number;
  /** The task that evaluated the content script. */
  injection: boolean;
  /** Profiler samples in the task with an extension frame on the stack, as time. */
  sampledMs: number;
}

export interface ExtensionTasks {
  tasks: ExtensionTask[];
  longestMs: number;
  /** The longest task other than the injection (scans, rescans, event handlers). */
  longestOtherMs: number;
  /** The task that evaluated the content script, whole. */
  injectionTaskMs: number;
  /** The same in CPU time (differs from the wall time when other processes compete for CPUs). */
  injectionTaskCpuMs: number;
  longestOtherCpuMs: number;
  /** Sum of the extension's tasks. */
  totalMs: number;
  /** Our largest part (sampled) of a task that was mostly the page's. */
  longestSharedPartMs: number;
  /** Sampled time with extension code on the stack (JS and the DOM calls it makes). */
  sampledMs: number;
  /** The task that evaluated the content script (compile, module code, `main` up to its first await). */
  evaluateMs: number;
  /** Of which compiling the script. */
  compileMs: number;
}

const isTopLevelTask = (e: TraceEvent) =>
  e.ph === 'X' && e.cat.split(',').includes('toplevel') && e.dur !== undefined;

/**
 * The extension's tasks in a trace; with `sinceMark`, only those after the page's
 * `performance.mark(sinceMark)` (the trace and the page have different clocks).
 */
export function extensionTasks(
  traceJson: string,
  extensionOrigin: string,
  sinceMark?: string,
): ExtensionTasks {
  const parsed = JSON.parse(traceJson) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const fromExtension = (url: string | undefined) => url?.startsWith(extensionOrigin) === true;

  // The page's main thread is where the content script was evaluated.
  const evaluations = events.filter(
    (e) => e.name === 'EvaluateScript' && e.ph === 'X' && fromExtension(e.args?.data?.url),
  );
  const main = evaluations[0];
  const empty = {
    tasks: [],
    longestMs: 0,
    longestOtherMs: 0,
    injectionTaskMs: 0,
    longestSharedPartMs: 0,
    injectionTaskCpuMs: 0,
    longestOtherCpuMs: 0,
    totalMs: 0,
    sampledMs: 0,
    evaluateMs: 0,
    compileMs: 0,
  };
  if (!main) return empty;
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;

  // Top-level tasks, outermost only (RunTask events nest inside the scheduler's own).
  const tasks: {
    ts: number;
    end: number;
    cpu: number;
    samples: number;
    allSamples: number;
    sampledUs: number;
    ours: boolean;
    injection: boolean;
  }[] = [];
  for (const e of events
    .filter((e) => onMain(e) && isTopLevelTask(e))
    .sort((a, b) => a.ts - b.ts)) {
    const last = tasks.at(-1);
    if (last && e.ts < last.end) continue;
    tasks.push({
      ts: e.ts,
      end: e.ts + e.dur!,
      cpu: e.tdur ?? e.dur!,
      samples: 0,
      allSamples: 0,
      sampledUs: 0,
      ours: false,
      injection: false,
    });
  }
  const taskAt = (ts: number) => {
    let lo = 0;
    let hi = tasks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const task = tasks[mid]!;
      if (ts < task.ts) hi = mid - 1;
      else if (ts >= task.end) lo = mid + 1;
      else return task;
    }
    return undefined;
  };
  for (const evaluation of evaluations.filter(onMain)) {
    const task = taskAt(evaluation.ts);
    if (task) task.ours = task.injection = true;
  }

  // Profiler samples of the main thread: nodes arrive in chunks, each with its parent's id.
  const profile = events.find((e) => e.name === 'Profile' && onMain(e));
  let sampledUs = 0;
  if (profile) {
    const parents = new Map<number, number | undefined>();
    const urls = new Map<number, string | undefined>();
    const ourNode = new Map<number, boolean>();
    const isOurs = (id: number): boolean => {
      let known = ourNode.get(id);
      if (known === undefined) {
        const parent = parents.get(id);
        known = fromExtension(urls.get(id)) || (parent !== undefined && isOurs(parent));
        ourNode.set(id, known);
      }
      return known;
    };
    let time = profile.args?.data?.startTime ?? profile.ts;
    const samples: { ts: number; ours: boolean }[] = [];
    for (const chunk of events) {
      if (chunk.name !== 'ProfileChunk' || chunk.pid !== profile.pid || chunk.id !== profile.id) {
        continue;
      }
      const data = chunk.args?.data;
      for (const node of data?.cpuProfile?.nodes ?? []) {
        parents.set(node.id, node.parent);
        urls.set(node.id, node.callFrame.url);
      }
      const ids = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      for (const [i, id] of ids.entries()) {
        time += deltas[i] ?? 0;
        samples.push({ ts: time, ours: isOurs(id) });
      }
    }
    samples.sort((a, b) => a.ts - b.ts);
    for (const [i, sample] of samples.entries()) {
      const task = taskAt(sample.ts);
      if (task) task.allSamples++;
      if (!sample.ours) continue;
      // A sample stands for the time until the next one (capped: the profiler pauses when idle).
      const next = samples[i + 1]?.ts ?? sample.ts;
      const span = Math.min(next - sample.ts, 2_000);
      sampledUs += span;
      if (task) {
        task.samples++;
        task.sampledUs += span;
      }
    }
    for (const task of tasks) {
      if (task.samples > 0 && task.samples * 2 >= task.allSamples) task.ours = true;
    }
  }

  const since =
    sinceMark === undefined
      ? -Infinity
      : (events.find((e) => e.name === sinceMark && e.cat.includes('blink.user_timing'))?.ts ??
        -Infinity);
  const inWindow = tasks.filter((task) => task.ts >= since);
  const shared = inWindow.filter((task) => !task.ours && task.samples > 0);
  const ours = inWindow
    .filter((task) => task.ours)
    .map((task) => ({
      start: task.ts / 1000,
      durationMs: (task.end - task.ts) / 1000,
      cpuMs: task.cpu / 1000,
      injection: task.injection,
      sampledMs: task.sampledUs / 1000,
    }));
  const others = ours.filter((task) => !task.injection);
  const compile = events.filter(
    (e) => e.name === 'v8.compile' && e.ph === 'X' && onMain(e) && fromExtension(e.args?.data?.url),
  );
  return {
    tasks: ours,
    longestMs: Math.max(0, ...ours.map((task) => task.durationMs)),
    longestOtherMs: Math.max(0, ...others.map((task) => task.durationMs)),
    injectionTaskMs: Math.max(0, ...ours.filter((t) => t.injection).map((t) => t.durationMs)),
    injectionTaskCpuMs: Math.max(0, ...ours.filter((t) => t.injection).map((t) => t.cpuMs)),
    longestOtherCpuMs: Math.max(0, ...others.map((t) => t.cpuMs)),
    totalMs: ours.reduce((sum, task) => sum + task.durationMs, 0),
    longestSharedPartMs: Math.max(0, ...shared.map((task) => task.sampledUs / 1000)),
    sampledMs: sampledUs / 1000,
    evaluateMs: evaluations.filter(onMain).reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000,
    compileMs: compile.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000,
  };
}
