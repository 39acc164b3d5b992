import { useEffect, useId, useRef, useState } from 'react';
import { formatNumber, i18n, uiLanguage } from '~/lib/i18n';
import { notesToCsv } from '~/lib/notes/export/csv';
import { downloadText, exportFileName } from '~/lib/notes/export/download';
import { notesToJson } from '~/lib/notes/export/json';
import {
  readLastNotesExport,
  recordNotesExport,
  watchLastNotesExport,
} from '~/lib/notes/export/last-export';
import { notesToMarkdown } from '~/lib/notes/export/markdown';
import { readNotesFile, type ImportCounts } from '~/lib/notes/import';
import type { Note } from '~/lib/notes/note';
import type { NoteStore, TermName } from '~/lib/notes/note-store';
import { readableStorageError } from '~/lib/notes/protocol';
import './notes-section.css';

/** The part of `navigator.storage` this section uses; null where the browser has none. */
export interface StoragePersistence {
  persisted(): Promise<boolean>;
  persist(): Promise<boolean>;
}

export interface NotesSectionProps {
  store: NoteStore;
  /** Term names for the exports, looked up at each export so terms added meanwhile are named. */
  termNames: () => Promise<TermName>;
  persistence?: StoragePersistence | null;
  /** Saves a file for the reader (tests replace the browser's download). */
  download?: (fileName: string, text: string, type: string) => void;
  now?: () => Date;
}

type ExportKind = 'json' | 'markdown-page' | 'markdown-term' | 'csv';

const exportsList = (): { kind: ExportKind; label: string }[] => [
  { kind: 'json', label: i18n.t('notesTransfer.exportJson') },
  { kind: 'markdown-page', label: i18n.t('notesTransfer.exportMarkdownPage') },
  { kind: 'markdown-term', label: i18n.t('notesTransfer.exportMarkdownTerm') },
  { kind: 'csv', label: i18n.t('notesTransfer.exportCsv') },
];

function exportFile(
  kind: ExportKind,
  notes: Note[],
  termName: TermName,
  time: Date,
): { name: string; text: string; type: string } {
  switch (kind) {
    case 'json':
      return {
        name: exportFileName('notes', 'json', time),
        text: notesToJson(notes, time),
        type: 'application/json',
      };
    case 'markdown-page':
    case 'markdown-term': {
      const groupBy = kind === 'markdown-page' ? 'page' : 'term';
      return {
        name: exportFileName(`notes-by-${groupBy}`, 'md', time),
        text: notesToMarkdown(notes, { groupBy, termName, exportedAt: time }),
        type: 'text/markdown;charset=utf-8',
      };
    }
    case 'csv':
      return {
        name: exportFileName('notes', 'csv', time),
        text: notesToCsv(notes, termName),
        type: 'text/csv;charset=utf-8',
      };
  }
}

/** A date and time as the UI's language writes it. */
function formatDateTime(time: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeStyle: 'short' }).format(
    time,
  );
}

/**
 * Notes out and in: export to files, import a JSON backup (with a preview of what it will
 * change), when the last export was made, and whether the browser keeps the notes for good.
 */
export function NotesSection({
  store,
  termNames,
  persistence = globalThis.navigator?.storage ?? null,
  download = downloadText,
  now = () => new Date(),
}: NotesSectionProps) {
  return (
    <>
      <p>{i18n.t('notesTransfer.intro')}</p>
      <ExportPanel store={store} termNames={termNames} download={download} now={now} />
      <ImportPanel store={store} />
      <PersistencePanel persistence={persistence} />
    </>
  );
}

function ExportPanel({
  store,
  termNames,
  download,
  now,
}: Required<Pick<NotesSectionProps, 'store' | 'termNames' | 'download' | 'now'>>) {
  const headingId = useId();
  const [lastExport, setLastExport] = useState<number | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let live = true;
    void readLastNotesExport().then((time) => {
      if (live) setLastExport(time);
    });
    // Another options tab may export too.
    const unwatch = watchLastNotesExport(setLastExport);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const runExport = async (kind: ExportKind) => {
    setBusy(true);
    setStatus(i18n.t('notesTransfer.preparing'));
    try {
      const notes = await store.all();
      if (notes.length === 0) {
        setStatus(i18n.t('notesTransfer.nothingToExport'));
        return;
      }
      const time = now();
      const file = exportFile(kind, notes, await termNames(), time);
      download(file.name, file.text, file.type);
      await recordNotesExport(time.getTime());
      setLastExport(time.getTime());
      setStatus(
        i18n.t('notesTransfer.exported', notes.length, [formatNumber(notes.length)], {
          file: file.name,
        }),
      );
    } catch (error) {
      setStatus(i18n.t('notesTransfer.exportFailed', { error: readableError(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="notes-transfer" aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t('notesTransfer.exportHeading')}</h3>
      <p>
        {lastExport === undefined
          ? i18n.t('notesTransfer.checkingLast')
          : lastExport === null
            ? i18n.t('notesTransfer.neverExported')
            : i18n.t('notesTransfer.lastExport', { date: formatDateTime(lastExport) })}
      </p>
      <p className="notes-transfer-help">{i18n.t('notesTransfer.exportHelp')}</p>
      <div
        className="notes-transfer-buttons"
        role="group"
        aria-label={i18n.t('notesTransfer.exportGroup')}
      >
        {exportsList().map(({ kind, label }) => (
          <button key={kind} type="button" disabled={busy} onClick={() => void runExport(kind)}>
            {label}
          </button>
        ))}
      </div>
      <p role="status">{status}</p>
    </section>
  );
}

type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'refused'; fileName: string; problems: string[] }
  | {
      step: 'preview';
      fileName: string;
      notes: Note[];
      exportedAt: string | null;
      counts: ImportCounts;
    }
  | { step: 'importing'; fileName: string }
  | { step: 'done'; fileName: string; counts: ImportCounts }
  | { step: 'failed'; fileName: string; message: string };

function ImportPanel({ store }: { store: NoteStore }) {
  const headingId = useId();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setState({ step: 'reading', fileName: file.name });
    try {
      const parsed = await readNotesFile(file);
      if (!parsed.ok) {
        setState({ step: 'refused', fileName: file.name, problems: parsed.problems });
        return;
      }
      const counts = await store.previewImport(parsed.notes);
      setState({
        step: 'preview',
        fileName: file.name,
        notes: parsed.notes,
        exportedAt: parsed.exportedAt,
        counts,
      });
    } catch (error) {
      setState({ step: 'failed', fileName: file.name, message: readableError(error) });
    }
  };

  const confirm = async (fileName: string, notes: Note[]) => {
    setState({ step: 'importing', fileName });
    try {
      setState({ step: 'done', fileName, counts: await store.importNotes(notes) });
    } catch (error) {
      setState({ step: 'failed', fileName, message: readableError(error) });
    }
    reset();
  };

  /** Clears the file field, so picking the same file again reads it again. */
  const reset = () => {
    if (input.current) input.current.value = '';
  };
  const cancel = () => {
    setState({ step: 'idle' });
    reset();
  };

  return (
    <section className="notes-transfer" aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t('notesTransfer.importHeading')}</h3>
      <p className="notes-transfer-help">{i18n.t('notesTransfer.importHelp')}</p>
      <p>
        <label htmlFor={inputId}>{i18n.t('notesTransfer.fileLabel')}</label>{' '}
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".json,application/json"
          disabled={state.step === 'reading' || state.step === 'importing'}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
      </p>
      <div role="status">
        {state.step === 'reading' && (
          <p>{i18n.t('notesTransfer.reading', { file: state.fileName })}</p>
        )}
        {state.step === 'importing' && (
          <p>{i18n.t('notesTransfer.importing', { file: state.fileName })}</p>
        )}
        {state.step === 'done' && <p>{importedSentence(state.fileName, state.counts)}</p>}
        {state.step === 'preview' && <ImportPreview state={state} />}
      </div>
      {state.step === 'preview' && (
        <p className="notes-transfer-buttons">
          {writes(state.counts) > 0 && (
            <button type="button" onClick={() => void confirm(state.fileName, state.notes)}>
              {i18n.t('notesTransfer.importButton', writes(state.counts), [
                formatNumber(writes(state.counts)),
              ])}
            </button>
          )}
          <button type="button" onClick={cancel}>
            {writes(state.counts) > 0
              ? i18n.t('notesTransfer.cancel')
              : i18n.t('notesTransfer.close')}
          </button>
        </p>
      )}
      {(state.step === 'refused' || state.step === 'failed') && (
        <div role="alert" className="notes-transfer-problems">
          <p>
            {state.step === 'refused'
              ? i18n.t('notesTransfer.refused', { file: state.fileName })
              : i18n.t('notesTransfer.failed', { file: state.fileName, error: state.message })}
          </p>
          {state.step === 'refused' && (
            <ul>
              {state.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function writes(counts: ImportCounts): number {
  return counts.added + counts.updated;
}

function ImportPreview({ state }: { state: Extract<ImportState, { step: 'preview' }> }) {
  const { counts, notes, fileName, exportedAt } = state;
  const exported =
    exportedAt && !Number.isNaN(Date.parse(exportedAt)) ? Date.parse(exportedAt) : null;
  if (notes.length === 0) {
    return <p>{i18n.t('notesTransfer.holdsNone', { file: fileName })}</p>;
  }
  const lines = [
    counts.added > 0 && i18n.t('notesTransfer.added', counts.added, [formatNumber(counts.added)]),
    counts.updated > 0 &&
      i18n.t('notesTransfer.updated', counts.updated, [formatNumber(counts.updated)]),
    counts.unchanged > 0 &&
      i18n.t('notesTransfer.unchanged', counts.unchanged, [formatNumber(counts.unchanged)]),
    counts.skippedOlder > 0 &&
      i18n.t('notesTransfer.skippedOlder', counts.skippedOlder, [
        formatNumber(counts.skippedOlder),
      ]),
  ].filter((line): line is string => typeof line === 'string');
  const count = [formatNumber(notes.length)] as [string];
  return (
    <>
      <p>
        {exported === null
          ? i18n.t('notesTransfer.holds', notes.length, count, { file: fileName })
          : i18n.t('notesTransfer.holdsExported', notes.length, count, {
              file: fileName,
              date: formatDateTime(exported),
            })}{' '}
        {writes(counts) > 0
          ? i18n.t('notesTransfer.ifYouImport')
          : i18n.t('notesTransfer.changesNothing')}
      </p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}

function importedSentence(fileName: string, counts: ImportCounts): string {
  return i18n.t('notesTransfer.imported', {
    file: fileName,
    added: formatNumber(counts.added),
    updated: formatNumber(counts.updated),
    unchanged: formatNumber(counts.unchanged),
    skipped: formatNumber(counts.skippedOlder),
  });
}

type Persistence =
  | { state: 'checking' }
  | { state: 'unsupported' }
  | { state: 'persistent'; justGranted: boolean }
  | { state: 'not-persistent'; refused: boolean; asking: boolean };

function PersistencePanel({ persistence }: { persistence: StoragePersistence | null }) {
  const headingId = useId();
  const [status, setStatus] = useState<Persistence>(
    persistence ? { state: 'checking' } : { state: 'unsupported' },
  );

  useEffect(() => {
    if (!persistence) return;
    let live = true;
    persistence.persisted().then(
      (persisted) => {
        if (!live) return;
        setStatus(
          persisted
            ? { state: 'persistent', justGranted: false }
            : { state: 'not-persistent', refused: false, asking: false },
        );
      },
      () => {
        if (live) setStatus({ state: 'unsupported' });
      },
    );
    return () => {
      live = false;
    };
  }, [persistence]);

  const ask = async () => {
    if (!persistence) return;
    setStatus({ state: 'not-persistent', refused: false, asking: true });
    let granted = false;
    try {
      granted = await persistence.persist();
    } catch {
      granted = false;
    }
    setStatus(
      granted
        ? { state: 'persistent', justGranted: true }
        : { state: 'not-persistent', refused: true, asking: false },
    );
  };

  return (
    <section className="notes-transfer" aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t('notesTransfer.storageHeading')}</h3>
      <div role="status">
        {status.state === 'checking' && <p>{i18n.t('notesTransfer.checkingStorage')}</p>}
        {status.state === 'unsupported' && <p>{i18n.t('notesTransfer.storageUnknown')}</p>}
        {status.state === 'persistent' && (
          <p>
            {status.justGranted
              ? i18n.t('notesTransfer.storageGranted')
              : i18n.t('notesTransfer.storagePersistent')}
          </p>
        )}
        {status.state === 'not-persistent' && (
          <p>
            {status.refused
              ? i18n.t('notesTransfer.storageRefused')
              : i18n.t('notesTransfer.storageNotPersistent')}
          </p>
        )}
      </div>
      {status.state === 'not-persistent' && (
        <p>
          <button type="button" disabled={status.asking} onClick={() => void ask()}>
            {i18n.t('notesTransfer.askPersist')}
          </button>
        </p>
      )}
      <p className="notes-transfer-help">{i18n.t('notesTransfer.storageHelp')}</p>
    </section>
  );
}

function readableError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return i18n.t('notesTransfer.quotaExceeded');
  }
  return readableStorageError(error);
}
