import { useId, useState, type ReactNode } from 'react';
import { useSetting } from '~/components/use-setting';
import { formatNumber, i18n } from '~/lib/i18n';
import {
  HOVER_DELAY_MS,
  MARK_CAP,
  TRIGGER_MODIFIER,
  firstOccurrenceOnly,
  highlightStyle,
  hoverDelayMs,
  markCap,
  paused,
  trigger,
  type HighlightStyle,
  type Trigger,
} from '~/lib/settings';
import './settings-section.css';

interface Choice<T extends string> {
  value: T;
  label: string;
  help: string;
  /** Said (role=status) once the choice is saved. */
  saved: string;
}

const styleChoices = (): Choice<HighlightStyle>[] => [
  {
    value: 'background',
    label: i18n.t('settings.styleBackground'),
    help: i18n.t('settings.styleBackgroundHelp'),
    saved: i18n.t('settings.styleBackgroundSaved'),
  },
  {
    value: 'underline',
    label: i18n.t('settings.styleUnderline'),
    help: i18n.t('settings.styleUnderlineHelp'),
    saved: i18n.t('settings.styleUnderlineSaved'),
  },
  {
    value: 'hover',
    label: i18n.t('settings.styleHover'),
    help: i18n.t('settings.styleHoverHelp'),
    saved: i18n.t('settings.styleHoverSaved'),
  },
];

const triggerChoices = (): Choice<Trigger>[] => [
  {
    value: 'hover',
    label: i18n.t('settings.triggerHover'),
    help: i18n.t('settings.triggerHoverHelp'),
    saved: i18n.t('settings.triggerHoverSaved'),
  },
  {
    value: 'click',
    label: i18n.t('settings.triggerClick'),
    help: i18n.t('settings.triggerClickHelp'),
    saved: i18n.t('settings.triggerClickSaved'),
  },
  {
    value: 'modifier',
    label: i18n.t('settings.triggerModifier', { key: TRIGGER_MODIFIER }),
    help: i18n.t('settings.triggerModifierHelp', { key: TRIGGER_MODIFIER }),
    saved: i18n.t('settings.triggerModifierSaved', { key: TRIGGER_MODIFIER }),
  },
];

/**
 * Every setting of how pages are marked. Each change is saved at once and reaches open pages
 * without reloading them; a value out of bounds is refused with a message and not saved.
 */
export function SettingsSection() {
  const [status, setStatus] = useState('');
  const saved = setStatus;

  return (
    <div className="settings-section">
      <p className="settings-help">{i18n.t('settings.intro')}</p>
      <PauseSetting onSaved={saved} />
      <ChoiceSetting
        legend={i18n.t('settings.styleLegend')}
        item={highlightStyle}
        choices={styleChoices()}
        onSaved={saved}
      />
      <ChoiceSetting
        legend={i18n.t('settings.triggerLegend')}
        item={trigger}
        choices={triggerChoices()}
        note={i18n.t('settings.triggerNote')}
        onSaved={saved}
      />
      <HoverDelaySetting onSaved={saved} />
      <FirstOccurrenceSetting onSaved={saved} />
      <MarkCapSetting onSaved={saved} />
      <p className="settings-status" role="status">
        {status}
      </p>
    </div>
  );
}

interface SavedProps {
  /** Says (role=status) what was saved, in a whole sentence. */
  onSaved: (sentence: string) => void;
}

function PauseSetting({ onSaved }: SavedProps) {
  const [isPaused, setPaused] = useSetting(paused);
  return (
    <CheckboxRow
      label={i18n.t('settings.markEverySite')}
      checked={isPaused === undefined ? undefined : !isPaused}
      help={i18n.t('settings.markEverySiteHelp')}
      onChange={async (on) => {
        await setPaused(!on);
        onSaved(on ? i18n.t('settings.markingResumed') : i18n.t('settings.markingPaused'));
      }}
    />
  );
}

function FirstOccurrenceSetting({ onSaved }: SavedProps) {
  const [value, setValue] = useSetting(firstOccurrenceOnly);
  return (
    <CheckboxRow
      label={i18n.t('settings.firstOnly')}
      checked={value}
      help={i18n.t('settings.firstOnlyHelp')}
      onChange={async (on) => {
        await setValue(on);
        onSaved(on ? i18n.t('settings.firstOnlyOn') : i18n.t('settings.firstOnlyOff'));
      }}
    />
  );
}

interface CheckboxRowProps {
  label: string;
  /** Undefined while the setting is being read. */
  checked: boolean | undefined;
  help: string;
  onChange: (checked: boolean) => Promise<void>;
  children?: ReactNode;
}

function CheckboxRow({ label, checked, help, onChange, children }: CheckboxRowProps) {
  const id = useId();
  const helpId = useId();
  return (
    <div className="settings-row">
      <div className="settings-check">
        <input
          id={id}
          type="checkbox"
          checked={checked ?? false}
          disabled={checked === undefined}
          aria-describedby={helpId}
          onChange={(event) => void onChange(event.currentTarget.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <p id={helpId} className="settings-help">
        {help}
      </p>
      {children}
    </div>
  );
}

interface ChoiceSettingProps<T extends string> {
  legend: string;
  item: Parameters<typeof useSetting<T>>[0];
  choices: Choice<T>[];
  note?: string;
  onSaved: (sentence: string) => void;
}

function ChoiceSetting<T extends string>({
  legend,
  item,
  choices,
  note,
  onSaved,
}: ChoiceSettingProps<T>) {
  const [value, setValue] = useSetting(item);
  const name = useId();
  const noteId = useId();
  return (
    <fieldset className="settings-row" aria-describedby={note ? noteId : undefined}>
      <legend>{legend}</legend>
      {choices.map((choice) => {
        const id = `${name}-${choice.value}`;
        return (
          <div key={choice.value} className="settings-choice">
            <input
              id={id}
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              disabled={value === undefined}
              aria-describedby={`${id}-help`}
              onChange={() => void setValue(choice.value).then(() => onSaved(choice.saved))}
            />
            <label htmlFor={id}>{choice.label}</label>
            <p id={`${id}-help`} className="settings-help">
              {choice.help}
            </p>
          </div>
        );
      })}
      {note && (
        <p id={noteId} className="settings-help">
          {note}
        </p>
      )}
    </fieldset>
  );
}

interface NumberFieldProps {
  label: string;
  /** The stored value, or undefined while it is read. */
  value: number | undefined;
  min: number;
  max: number;
  step: number;
  help: string;
  /** The error for a typed value out of bounds (a whole sentence). */
  outOfBounds: string;
  disabled?: boolean;
  onValid: (value: number) => Promise<void>;
}

/**
 * A bounded whole number, saved when the reader leaves the box or presses Enter (not at every
 * keystroke: typing 5000 would save 500 on the way). A value out of bounds stays in the box
 * (nothing typed is lost), is not saved, and is explained.
 */
function NumberField({
  label,
  value,
  min,
  max,
  step,
  help,
  outOfBounds,
  disabled,
  onValid,
}: NumberFieldProps) {
  const id = useId();
  const helpId = useId();
  const errorId = useId();
  // What the reader typed, until it is saved; null shows the stored value.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const text = draft ?? (value === undefined ? '' : String(value));

  const commit = () => {
    if (draft === null) return;
    const number = Number(draft);
    if (!/^\s*\d+\s*$/.test(draft) || number < min || number > max) {
      setError(true);
      return;
    }
    setError(false);
    setDraft(null);
    if (number !== value) void onValid(number);
  };
  const showError = error && !disabled;

  return (
    <div className="settings-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={step}
        value={text}
        disabled={disabled || value === undefined}
        aria-invalid={showError || undefined}
        aria-describedby={showError ? `${errorId} ${helpId}` : helpId}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      <p id={helpId} className="settings-help">
        {help}
      </p>
      {showError && (
        <p id={errorId} className="settings-error" role="alert">
          {outOfBounds}
        </p>
      )}
    </div>
  );
}

function HoverDelaySetting({ onSaved }: SavedProps) {
  const [value, setValue] = useSetting(hoverDelayMs);
  const [currentTrigger] = useSetting(trigger);
  const bounds = {
    min: formatNumber(HOVER_DELAY_MS.min),
    max: formatNumber(HOVER_DELAY_MS.max),
    default: formatNumber(HOVER_DELAY_MS.fallback),
  };
  return (
    <div className="settings-row">
      <NumberField
        label={i18n.t('settings.hoverDelay')}
        value={value}
        min={HOVER_DELAY_MS.min}
        max={HOVER_DELAY_MS.max}
        step={HOVER_DELAY_MS.step}
        help={
          currentTrigger === 'hover' || currentTrigger === undefined
            ? i18n.t('settings.hoverDelayHelp', bounds)
            : i18n.t('settings.hoverDelayUnused', bounds)
        }
        outOfBounds={i18n.t('settings.hoverDelayInvalid', bounds)}
        onValid={async (ms) => {
          await setValue(ms);
          onSaved(i18n.t('settings.hoverDelaySaved', { ms: formatNumber(ms) }));
        }}
      />
    </div>
  );
}

function MarkCapSetting({ onSaved }: SavedProps) {
  const [cap, setCap] = useSetting(markCap);
  // The number shown while the cap is off, ready for when it is switched on.
  const [lastCap, setLastCap] = useState<number>(MARK_CAP.suggested);
  const on = cap === undefined ? undefined : cap !== null;
  const bounds = { min: formatNumber(MARK_CAP.min), max: formatNumber(MARK_CAP.max) };
  return (
    <CheckboxRow
      label={i18n.t('settings.markCap')}
      checked={on}
      help={i18n.t('settings.markCapHelp')}
      onChange={async (checked) => {
        await setCap(checked ? lastCap : null);
        onSaved(
          checked
            ? i18n.t('settings.markCapSaved', { cap: formatNumber(lastCap) })
            : i18n.t('settings.markCapOff'),
        );
      }}
    >
      <NumberField
        label={i18n.t('settings.markCapField')}
        value={cap ?? lastCap}
        min={MARK_CAP.min}
        max={MARK_CAP.max}
        step={1}
        disabled={!on}
        help={i18n.t('settings.markCapRange', bounds)}
        outOfBounds={i18n.t('settings.markCapInvalid', bounds)}
        onValid={async (n) => {
          setLastCap(n);
          await setCap(n);
          onSaved(i18n.t('settings.markCapSaved', { cap: formatNumber(n) }));
        }}
      />
    </CheckboxRow>
  );
}
