/**
 * Text matching for glossary terms: pure string work, no DOM, so it runs (and is tested) anywhere.
 */
export { compileMatcher } from './term-matcher';
export { foldText } from './fold';
export type { MatchableAlias, MatchableEntry } from './patterns';
export type { FoldedText, TermMatch, TermMatcher } from './types';
