/**
 * Counts of the matcher's basic operations, so tests can guard its complexity with counts rather
 * than milliseconds (see `complexity.test.ts`). Counting is off unless a test turns it on, and the
 * matcher adds its counts once per `find` call, never per character, so it costs nothing here.
 */
export interface MatchWork {
  /** Text code units read by the scanning loop. */
  units: number;
  /** Automaton steps that needed more than one table read: edge searches, failure-link hops. */
  slowSteps: number;
  /** Pattern occurrences the automaton reported, each then checked against the rules. */
  candidates: number;
  /** Readings (entry and casing) tried on those occurrences. */
  readings: number;
}

let counting: MatchWork | null = null;

/** The counts to add to, while `countMatchWork` runs; otherwise null. */
export function activeMatchWork(): MatchWork | null {
  return counting;
}

/** Runs `run` and returns the work the matcher did meanwhile. Not reentrant. */
export function countMatchWork(run: () => void): MatchWork {
  const work: MatchWork = { units: 0, slowSteps: 0, candidates: 0, readings: 0 };
  counting = work;
  try {
    run();
  } finally {
    counting = null;
  }
  return work;
}

/** All the counts as one number: the work per text unit is what must not grow with the glossary. */
export function totalWork(work: MatchWork): number {
  return work.units + work.slowSteps + work.candidates + work.readings;
}
