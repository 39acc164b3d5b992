import { useId } from 'react';

interface SiteSwitchProps {
  site: string;
  enabled: boolean;
  onChange: (enabled: boolean) => void | Promise<void>;
}

/** Marking on or off for every page of one site; remembered across visits. */
export function SiteSwitch({ site, enabled, onChange }: SiteSwitchProps) {
  const id = useId();
  return (
    <div className="site-switch">
      <label htmlFor={id}>
        Mark terms on <strong>{site}</strong>
      </label>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={enabled}
        onChange={(event) => void onChange(event.currentTarget.checked)}
      />
    </div>
  );
}
