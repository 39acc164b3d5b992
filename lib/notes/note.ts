import * as v from 'valibot';
import { EntryIdSchema } from '../glossary/schema';

/**
 * A note, anchored like a web annotation: the page (URL, title), optionally the glossary term it
 * is about, and the exact quote with a little text either side, so the passage can be found on
 * the page again even if the page changes a little.
 */

/** Limits are in UTF-8 bytes: what the reader's disk actually holds. */
export const LIMITS = {
  bodyBytes: 100_000,
  quoteBytes: 2_000,
  contextChars: 64,
  urlChars: 8_192,
  /**
   * The page key is derived from the URL, and percent-encoding makes it longer: each UTF-16 unit
   * of the URL becomes at most 9 characters (three UTF-8 bytes as `%XX`). A key capped at
   * `urlChars` refused the backup of a note on a long non-ASCII URL (found by import fuzzing).
   */
  urlKeyChars: 9 * 8_192,
  titleChars: 1_000,
} as const;

const utf8 = new TextEncoder();
const maxBytes = (limit: number, what: string) =>
  v.check(
    (s: string) => s.length <= limit && utf8.encode(s).length <= limit,
    // A function, so the message is formatted only when a check fails: `toLocaleString` at module
    // load would initialise number formatting on every page the content script runs on (≈ 19 ms).
    () => `${what} is too long (at most ${limit.toLocaleString('en')} bytes)`,
  );

export const NoteIdSchema = v.pipe(v.string(), v.uuid('A note id must be a UUID'));

export const QuoteSchema = v.strictObject({
  exact: v.pipe(
    v.string(),
    v.nonEmpty('A quote cannot be empty'),
    maxBytes(LIMITS.quoteBytes, 'The quote'),
  ),
  prefix: v.pipe(v.string(), v.maxLength(LIMITS.contextChars)),
  suffix: v.pipe(v.string(), v.maxLength(LIMITS.contextChars)),
});

const BodySchema = v.pipe(
  v.string(),
  v.check((s) => s.trim().length > 0, 'Write something first: the note is empty'),
  maxBytes(LIMITS.bodyBytes, 'The note'),
);

const PageSchema = {
  url: v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.urlChars)),
  title: v.pipe(v.string(), v.maxLength(LIMITS.titleChars)),
};

/** What a client sends to create a note. The client makes the id, so a retried save is a no-op. */
export const NewNoteSchema = v.strictObject({
  id: NoteIdSchema,
  termId: v.optional(EntryIdSchema),
  ...PageSchema,
  quote: v.nullable(QuoteSchema),
  body: BodySchema,
});

export const NoteEditSchema = v.strictObject({ id: NoteIdSchema, body: BodySchema });

const TimeSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A stored note (also what "undo delete" sends back). */
export const NoteSchema = v.strictObject({
  ...NewNoteSchema.entries,
  urlKey: v.pipe(v.string(), v.maxLength(LIMITS.urlKeyChars)),
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
});

export type Quote = v.InferOutput<typeof QuoteSchema>;
export type NewNote = v.InferOutput<typeof NewNoteSchema>;
export type NoteEdit = v.InferOutput<typeof NoteEditSchema>;
export type Note = v.InferOutput<typeof NoteSchema>;

/** A fresh client-side note id. */
export function newNoteId(): string {
  return crypto.randomUUID();
}
