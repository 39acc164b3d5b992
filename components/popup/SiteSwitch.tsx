import { useId, type ReactNode } from 'react';
import { RichText } from '~/components/RichText';
import { i18n } from '~/lib/i18n';

interface ToggleSwitchProps {
  /** The switch's label: what is on when it is on. */
  children: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void | Promise<void>;
  /** A sentence under the switch, tied to it as its description. */
  hint?: ReactNode;
}

/** One labelled on/off switch (a checkbox with the switch role). */
export function ToggleSwitch({ children, checked, onChange, hint }: ToggleSwitchProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="site-switch-row">
      <div className="site-switch">
        <label htmlFor={id}>{children}</label>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={checked}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => void onChange(event.currentTarget.checked)}
        />
      </div>
      {hint && (
        <p id={hintId} className="popup-muted popup-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface SiteSwitchProps {
  site: string;
  enabled: boolean;
  onChange: (enabled: boolean) => void | Promise<void>;
}

/** Marking on or off for every page of one site; remembered across visits. */
export function SiteSwitch({ site, enabled, onChange }: SiteSwitchProps) {
  return (
    <ToggleSwitch checked={enabled} onChange={onChange}>
      <RichText
        text={i18n.t('popup.markOnSite', { site: '{site}' })}
        parts={{ site: <strong>{site}</strong> }}
      />
    </ToggleSwitch>
  );
}

interface PauseSwitchProps {
  paused: boolean;
  onChange: (paused: boolean) => void | Promise<void>;
}

/** The global pause: on means Credit Lens marks pages (on the sites not switched off). */
export function PauseSwitch({ paused, onChange }: PauseSwitchProps) {
  return (
    <ToggleSwitch
      checked={!paused}
      onChange={(on) => onChange(!on)}
      hint={paused ? i18n.t('popup.pausedHint') : undefined}
    >
      {i18n.t('popup.markEverySite')}
    </ToggleSwitch>
  );
}
