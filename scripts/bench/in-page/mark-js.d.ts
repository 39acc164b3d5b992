// mark.js 8 ships no types; this is the part of its API the baseline uses.
declare module 'mark.js' {
  interface MarkOptions {
    element?: string;
    className?: string;
    exclude?: string[];
    separateWordSearch?: boolean;
    accuracy?: 'partially' | 'complementary' | 'exactly' | { value: string; limiters: string[] };
    diacritics?: boolean;
    caseSensitive?: boolean;
    acrossElements?: boolean;
    ignoreJoiners?: boolean;
    filter?: (textNode: Text, term: string, totalCounter: number, counter: number) => boolean;
    done?: (marks: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | string);
    mark(keywords: string | string[], options?: MarkOptions): void;
    unmark(options?: MarkOptions): void;
  }
}
