import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { customTermsToCsv, customTermsToJson } from '~/lib/custom-terms/export-file';
import { CSV_COLUMNS } from '~/lib/custom-terms/file-format';
import type { ImportMode, ImportPlan, PlannedChange } from '~/lib/custom-terms/import-plan';
import { parseImportFile, type ParsedImport, type RowError } from '~/lib/custom-terms/import-file';
import { CUSTOM_LIMITS } from '~/lib/custom-terms/schema';
import { ImportRejectedError, type CustomTermStore } from '~/lib/custom-terms/store';
import { formatNumber, i18n } from '~/lib/i18n';
import { RichText } from '~/components/RichText';
import { downloadText, exportFileName } from '~/lib/notes/export/download';
import './custom-terms.css';

export interface GlossaryTransferSectionProps {
  store: CustomTermStore;
  /** Saves a file for the reader (tests replace the browser's download). */
  download?: (fileName: string, text: string, type: string) => void;
  now?: () => Date;
}

/** The modes, defined for the reader in whole sentences. */
const modes = (): { mode: ImportMode; label: string; description: string }[] => [
  {
    mode: 'add-new',
    label: i18n.t('transfer.modeAddNew'),
    description: i18n.t('transfer.modeAddNewHelp'),
  },
  {
    mode: 'merge',
    label: i18n.t('transfer.modeMerge'),
    description: i18n.t('transfer.modeMergeHelp'),
  },
  {
    mode: 'replace',
    label: i18n.t('transfer.modeReplace'),
    description: i18n.t('transfer.modeReplaceHelp'),
  },
];

/** What goes in each CSV column, in the UI's language. */
function columnDescription(name: string, fallback: string): string {
  switch (name) {
    case 'id':
      return i18n.t('transfer.columns.id');
    case 'term':
      return i18n.t('transfer.columns.term');
    case 'aliases':
      return i18n.t('transfer.columns.aliases');
    case 'langs':
      return i18n.t('transfer.columns.langs');
    case 'case':
      return i18n.t('transfer.columns.case');
    case 'definition':
      return i18n.t('transfer.columns.definition');
    case 'explanation':
      return i18n.t('transfer.columns.explanation');
    case 'overrides':
      return i18n.t('transfer.columns.overrides');
    default:
      return fallback;
  }
}

/** One error of the file as a sentence: "Row 4, definition: The definition is required." */
function describeRowError(error: RowError, rowLabel: ParsedImport['rowLabel']): string {
  const row = formatNumber(error.row);
  const { field, message: problem } = error;
  if (rowLabel === 'Row') {
    return field
      ? i18n.t('transfer.rowFieldError', { row, field, problem })
      : i18n.t('transfer.rowError', { row, problem });
  }
  return field
    ? i18n.t('transfer.entryFieldError', { row, field, problem })
    : i18n.t('transfer.entryError', { row, problem });
}

/** Export "Your terms" as JSON or CSV; import them, previewed and all or nothing. */
export function GlossaryTransferSection({
  store,
  download = downloadText,
  now = () => new Date(),
}: GlossaryTransferSectionProps) {
  return (
    <div className="glossary-transfer">
      <p>{i18n.t('transfer.intro')}</p>
      <ExportPanel store={store} download={download} now={now} />
      <ImportPanel store={store} />
    </div>
  );
}

function ExportPanel({ store, download, now }: Required<GlossaryTransferSectionProps>) {
  const headingId = useId();
  const [status, setStatus] = useState('');

  const runExport = async (kind: 'json' | 'csv') => {
    try {
      const terms = await store.list();
      if (terms.length === 0) {
        setStatus(i18n.t('transfer.nothingToExport'));
        return;
      }
      const time = now();
      const name = exportFileName('terms', kind, time);
      if (kind === 'json')
        download(name, customTermsToJson(terms, time.getTime()), 'application/json');
      else download(name, customTermsToCsv(terms), 'text/csv;charset=utf-8');
      setStatus(
        i18n.t('transfer.exported', terms.length, [formatNumber(terms.length)], { file: name }),
      );
    } catch (error) {
      setStatus(
        i18n.t('transfer.exportFailed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t('transfer.exportHeading')}</h3>
      <p className="custom-term-hint">{i18n.t('transfer.exportHelp')}</p>
      <div
        className="glossary-transfer-buttons"
        role="group"
        aria-label={i18n.t('transfer.exportHeading')}
      >
        <button type="button" onClick={() => void runExport('json')}>
          {i18n.t('transfer.exportJson')}
        </button>
        <button type="button" onClick={() => void runExport('csv')}>
          {i18n.t('transfer.exportCsv')}
        </button>
      </div>
      <p role="status">{status}</p>
    </section>
  );
}

type ImportState =
  | { step: 'idle' }
  | { step: 'refused'; fileName: string; parsed: ParsedImport }
  | { step: 'preview'; fileName: string; parsed: ParsedImport }
  | { step: 'done'; fileName: string; plan: ImportPlan };

function ImportPanel({ store }: { store: CustomTermStore }) {
  const headingId = useId();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [mode, setMode] = useState<ImportMode>('merge');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const rows = state.step === 'preview' ? state.parsed.rows : null;
  // Planned live: if the reader edits a term in another tab, the preview follows.
  const plan = useLiveQuery(
    () => (rows ? store.planImport(rows, mode) : undefined),
    [store, rows, mode],
  );

  const reset = () => {
    setState({ step: 'idle' });
    setFailure(null);
    if (input.current) input.current.value = '';
  };

  const choose = async (file: File | undefined) => {
    setFailure(null);
    if (!file) return;
    if (file.size > CUSTOM_LIMITS.importBytes) {
      setState({
        step: 'refused',
        fileName: file.name,
        parsed: {
          format: 'csv',
          rowLabel: 'Row',
          rows: [],
          errors: [],
          fileError: i18n.t('transfer.tooBig', {
            mb: formatNumber(CUSTOM_LIMITS.importBytes / 1_000_000),
          }),
        },
      });
      return;
    }
    const parsed = parseImportFile(file.name, await file.text());
    const refused = parsed.fileError !== undefined || parsed.errors.length > 0;
    setState({ step: refused ? 'refused' : 'preview', fileName: file.name, parsed });
  };

  const apply = async () => {
    if (state.step !== 'preview' || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const done = await store.applyImport(state.parsed.rows, mode);
      setState({ step: 'done', fileName: state.fileName, plan: done });
      if (input.current) input.current.value = '';
    } catch (error) {
      setFailure(
        error instanceof ImportRejectedError
          ? i18n.t('transfer.changedMeanwhile')
          : i18n.t('transfer.importFailed', {
              error: error instanceof Error ? error.message : String(error),
            }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t('transfer.importHeading')}</h3>
      <p>{i18n.t('transfer.importHelp')}</p>
      <details>
        <summary>{i18n.t('transfer.csvColumns')}</summary>
        <p>{i18n.t('transfer.csvHelp')}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{i18n.t('transfer.column')}</th>
              <th scope="col">{i18n.t('transfer.required')}</th>
              <th scope="col">{i18n.t('transfer.whatGoesIn')}</th>
            </tr>
          </thead>
          <tbody>
            {CSV_COLUMNS.map((column) => (
              <tr key={column.name}>
                <th scope="row">
                  <code>{column.name}</code>
                </th>
                <td>{column.required ? i18n.t('transfer.yes') : i18n.t('transfer.no')}</td>
                <td>{columnDescription(column.name, column.description)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{i18n.t('transfer.forExample')}</p>
        <pre className="glossary-transfer-example">
          {
            'term,aliases,langs,case,definition\nHukou,hù kǒu|户口|戶口,pinyin|zh-Hans|zh-Hant,,"China’s household registration system."\nFCRA,FCRA|Fair Credit Reporting Act,en|en,sensitive|insensitive,The US law on credit reports.'
          }
        </pre>
      </details>

      <p>
        <label htmlFor={inputId}>{i18n.t('transfer.fileLabel')}</label>{' '}
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
      </p>

      <div role="status">
        {state.step === 'done' && <p>{doneMessage(state.fileName, state.plan)}</p>}
      </div>

      {state.step === 'refused' && (
        <Refused fileName={state.fileName} parsed={state.parsed} onReset={reset} />
      )}

      {state.step === 'preview' && (
        <div className="glossary-transfer-preview">
          <fieldset>
            <legend>{i18n.t('transfer.howToImport', { file: state.fileName })}</legend>
            {modes().map((m) => (
              <label key={m.mode} className="glossary-transfer-mode">
                <input
                  type="radio"
                  name={`${inputId}-mode`}
                  value={m.mode}
                  checked={mode === m.mode}
                  onChange={() => setMode(m.mode)}
                />{' '}
                <RichText
                  text={i18n.t('transfer.modeLabel', {
                    mode: '{mode}',
                    description: m.description,
                  })}
                  parts={{
                    mode: <strong>{i18n.t('transfer.modeName', { mode: m.label })}</strong>,
                  }}
                />
              </label>
            ))}
          </fieldset>
          {plan === undefined ? (
            <p>{i18n.t('transfer.working')}</p>
          ) : (
            <Preview plan={plan} label={state.parsed.rowLabel} />
          )}
          {failure && (
            <p className="custom-term-error" role="alert">
              {failure}
            </p>
          )}
          <div className="glossary-transfer-buttons">
            <button
              type="button"
              className="button-primary"
              disabled={busy || plan === undefined || plan.problems.length > 0}
              onClick={() => void apply()}
            >
              {busy ? i18n.t('transfer.importing') : i18n.t('transfer.import')}
            </button>
            <button type="button" onClick={reset}>
              {i18n.t('transfer.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function Refused({
  fileName,
  parsed,
  onReset,
}: {
  fileName: string;
  parsed: ParsedImport;
  onReset: () => void;
}) {
  return (
    <div className="glossary-transfer-problems" role="alert">
      {parsed.fileError !== undefined ? (
        <p>{i18n.t('transfer.refusedFile', { file: fileName, problem: parsed.fileError })}</p>
      ) : (
        <>
          <p>
            {i18n.t(
              'transfer.refusedRows',
              parsed.errors.length,
              [formatNumber(parsed.errors.length)],
              {
                file: fileName,
              },
            )}
          </p>
          <ul>
            {parsed.errors.slice(0, 100).map((error, i) => (
              <li key={i}>{describeRowError(error, parsed.rowLabel)}</li>
            ))}
          </ul>
          {parsed.errors.length > 100 && (
            <p>
              {i18n.t('transfer.moreProblems', parsed.errors.length - 100, [
                formatNumber(parsed.errors.length - 100),
              ])}
            </p>
          )}
        </>
      )}
      <button type="button" onClick={onReset}>
        {i18n.t('transfer.chooseAnother')}
      </button>
    </div>
  );
}

function kindHeading(kind: PlannedChange['kind']): string {
  switch (kind) {
    case 'new':
      return i18n.t('transfer.kindNew');
    case 'changed':
      return i18n.t('transfer.kindChanged');
    case 'unchanged':
      return i18n.t('transfer.kindUnchanged');
    case 'removed':
      return i18n.t('transfer.kindRemoved');
  }
}

/** What happens to each kind of entry in each mode, as whole sentences. */
function effect(kind: PlannedChange['kind'], mode: ImportMode): string {
  switch (kind) {
    case 'new':
      return i18n.t('transfer.effectNew');
    case 'changed':
      return mode === 'add-new'
        ? i18n.t('transfer.effectChangedKept')
        : i18n.t('transfer.effectChanged');
    case 'unchanged':
      return i18n.t('transfer.effectUnchanged');
    case 'removed':
      return mode === 'replace'
        ? i18n.t('transfer.effectRemovedDeleted')
        : i18n.t('transfer.effectRemovedKept');
  }
}

function Preview({ plan, label }: { plan: ImportPlan; label: ParsedImport['rowLabel'] }) {
  const kinds: PlannedChange['kind'][] = ['new', 'changed', 'unchanged', 'removed'];
  return (
    <div>
      <h4>{i18n.t('transfer.previewHeading')}</h4>
      {plan.changes.length === 0 && <p>{i18n.t('transfer.previewEmpty')}</p>}
      {kinds.map((kind) => {
        const changes = plan.changes.filter((c) => c.kind === kind);
        if (changes.length === 0) return null;
        const heading = i18n.t('transfer.kindCount', {
          kind: kindHeading(kind),
          count: formatNumber(changes.length),
        });
        return (
          <section key={kind} aria-label={heading}>
            <h5>{heading}</h5>
            <p className="custom-term-hint">{effect(kind, plan.mode)}</p>
            <ul>
              {changes.slice(0, 200).map((change, i) => (
                <li key={`${change.term}|${i}`}>
                  {change.kind === 'changed' && change.before && change.before.term !== change.term
                    ? i18n.t('transfer.yoursIsCalled', {
                        term: change.term,
                        yours: change.before.term,
                      })
                    : change.term}
                </li>
              ))}
              {changes.length > 200 && (
                <li>{i18n.t('transfer.andMore', { count: formatNumber(changes.length - 200) })}</li>
              )}
            </ul>
          </section>
        );
      })}
      {plan.problems.length > 0 && (
        <div className="glossary-transfer-problems" role="alert">
          <p>{i18n.t('transfer.cannotApply')}</p>
          <ul>
            {plan.problems.map((problem, i) => (
              <li key={i}>
                {problem.row === undefined
                  ? i18n.t('transfer.problemYours', {
                      term: problem.term,
                      problem: problem.message,
                    })
                  : i18n.t(label === 'Row' ? 'transfer.problemRow' : 'transfer.problemEntry', {
                      row: formatNumber(problem.row),
                      term: problem.term,
                      problem: problem.message,
                    })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function doneMessage(fileName: string, plan: ImportPlan): string {
  const added = plan.changes.filter((c) => c.applied && c.kind === 'new').length;
  const updated = plan.changes.filter((c) => c.applied && c.kind === 'changed').length;
  const deleted = plan.deletes.length;
  if (added + updated + deleted === 0) {
    return i18n.t('transfer.doneNothing', { file: fileName });
  }
  return i18n.t('transfer.done', {
    file: fileName,
    added: formatNumber(added),
    updated: formatNumber(updated),
    deleted: formatNumber(deleted),
  });
}
