import { readFileSync } from 'node:fs';
import path from 'node:path';
import { glossaryEntries } from '../../e2e/support/glossary';
import { demoDir } from '../../e2e/support/paths';
import { compileMatcher } from '../../lib/match/index';
import { pageRuns } from './corpus-text';

/**
 * The recall article: demo/glossary-tour.html is our own essay that names every glossary entry in
 * one of its written forms. Its matches, found in Node by the same matcher the extension runs, are
 * what the unit test checks for completeness and what the browser tests expect to see marked.
 */
export const TOUR_PAGE = 'glossary-tour.html';

export interface TourMatch {
  text: string;
  entryId: string;
}

export function tourMatches(): TourMatch[] {
  const html = readFileSync(path.join(demoDir, TOUR_PAGE), 'utf8');
  const matcher = compileMatcher(glossaryEntries);
  return pageRuns(html).flatMap((run) =>
    matcher.find(run).map(({ start, end, entryId }) => ({ text: run.slice(start, end), entryId })),
  );
}
