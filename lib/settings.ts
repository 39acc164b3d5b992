import * as v from 'valibot';
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { i18n } from '~/lib/i18n';

/*
 * The reader's settings: typed items in WXT storage (`storage.local`), each validated whenever it
 * is read, so a bad stored value (an older version's, or one edited by hand) falls back to its
 * default instead of breaking the content script. `local`, not `sync`: the site list says which
 * sites someone reads, which need not travel to other devices, and the rest stays with it.
 *
 * The content script watches every item and applies changes to open pages at once.
 */

/** A stored setting whose every read is validated. */
export interface SettingItem<T> {
  readonly key: StorageItemKey;
  /** The default, used when nothing (or nothing valid) is stored. */
  readonly fallback: T;
  /** The stored value, or the fallback when it is missing or not valid. */
  getValue(): Promise<T>;
  /** Stores a value; throws (and stores nothing) if it is not valid. */
  setValue(value: T): Promise<void>;
  /** Calls back with each new value, validated; returns the function that stops watching. */
  watch(onChange: (value: T) => void): () => void;
  /** What a stored value reads as: itself when valid, otherwise the fallback. */
  parse(stored: unknown): T;
}

function defineSetting<T>(
  key: StorageItemKey,
  schema: v.GenericSchema<unknown, T>,
  fallback: T,
): SettingItem<T> {
  // No `fallback` on the raw item: a missing value reads as null, and `parse` decides.
  const item = storage.defineItem<unknown>(key);
  const parse = (stored: unknown): T => {
    if (stored === null || stored === undefined) return fallback;
    const result = v.safeParse(schema, stored);
    return result.success ? result.output : fallback;
  };
  return {
    key,
    fallback,
    parse,
    getValue: async () => parse(await item.getValue()),
    setValue: async (value) => {
      const result = v.safeParse(schema, value);
      if (!result.success) {
        throw new Error(`Not a valid value for ${key}: ${result.issues[0]?.message ?? value}`);
      }
      await item.setValue(result.output);
    },
    watch: (onChange) => item.watch((stored) => onChange(parse(stored))),
  };
}

// ---------------------------------------------------------------------------------------------
// Sites where marking is off

/** Longest site key we keep (a host name is at most 253 characters, plus a port). */
const SITE_MAX_CHARS = 260;

/** A site key as stored: a host (with port), an origin, or a scheme such as `file:`. */
const storedSiteKey = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length > 0 &&
  value.length <= SITE_MAX_CHARS &&
  !/\s/.test(value);

/**
 * Sites where the reader switched marking off, by host name, sorted. A stored list with a bad
 * entry keeps its good entries: one stray value must not switch marking back on everywhere.
 */
export const disabledSites = defineSetting<string[]>(
  'local:disabledSites',
  v.pipe(
    v.array(v.unknown()),
    v.transform((list) => [...new Set(list.filter(storedSiteKey))].sort()),
  ),
  [],
);

/** The key the on/off switch uses for a page: its host, or its origin where there is no host. */
export function siteKey(location: { host: string; origin: string; protocol: string }): string {
  if (location.host) return location.host;
  return location.origin !== 'null' ? location.origin : location.protocol;
}

export async function isSiteEnabled(site: string): Promise<boolean> {
  return !(await disabledSites.getValue()).includes(site);
}

export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const sites = new Set(await disabledSites.getValue());
  if (enabled) sites.delete(site);
  else sites.add(site);
  await disabledSites.setValue([...sites].sort());
}

/** Replaces one site rule with another (the options page's "Edit"). */
export async function renameSite(from: string, to: string): Promise<void> {
  const sites = new Set(await disabledSites.getValue());
  sites.delete(from);
  sites.add(to);
  await disabledSites.setValue([...sites].sort());
}

export type SiteInput = { ok: true; site: string } | { ok: false; error: string };

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A site typed by the reader, as the key the switch uses: a host name (`example.org`,
 * `news.example.org:8080`, `localhost`, an IP address), or an address it is taken from
 * (`https://example.org/page` → `example.org`). International names become their ASCII form,
 * as the browser reports hosts.
 */
export function parseSiteInput(input: string): SiteInput {
  const text = input.trim();
  if (text === '') return { ok: false, error: i18n.t('problems.siteEmpty') };
  if (/\s/.test(text)) return { ok: false, error: i18n.t('problems.siteSpaces') };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    return { ok: false, error: i18n.t('problems.siteNotHost', { text }) };
  }
  if (!/^https?:$/.test(url.protocol) || url.host === '') {
    return { ok: false, error: i18n.t('problems.siteNotWeb') };
  }
  if (!hasScheme && (url.pathname !== '/' || url.search || url.hash || url.username)) {
    return { ok: false, error: i18n.t('problems.siteHasPath') };
  }
  const host = url.hostname;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
  if (!isIp) {
    const labels = host.split('.');
    if (host.length > 253 || !labels.every((label) => HOST_LABEL.test(label))) {
      return { ok: false, error: i18n.t('problems.siteInvalid', { text }) };
    }
  }
  return { ok: true, site: url.host };
}

// ---------------------------------------------------------------------------------------------
// How terms are marked and opened

/** How marked terms look: a shaded background, a dotted underline, or nothing until pointed at. */
export const HIGHLIGHT_STYLES = ['background', 'underline', 'hover'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** What opens a term's popover: resting the pointer on it, clicking it, or the modifier + pointer. */
export const TRIGGERS = ['hover', 'click', 'modifier'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/**
 * The key held for the "modifier + pointer" trigger. Shift rather than Alt: in Firefox on Windows
 * and Linux, pressing and releasing Alt alone shows the menu bar, and on a Mac Alt (Option) types
 * other characters; Shift alone does nothing anywhere.
 */
export const TRIGGER_MODIFIER = 'Shift' as const;

/** Bounds of the hover delay, in milliseconds. */
export const HOVER_DELAY_MS = { min: 100, max: 2_000, step: 50, fallback: 300 } as const;

/** Bounds of the cap on marks per page; no cap (null) by default. */
export const MARK_CAP = { min: 1, max: 10_000, suggested: 50 } as const;

/** Marking is paused on every site (the popup's and options page's global switch). */
export const paused = defineSetting<boolean>('local:paused', v.boolean(), false);

export const highlightStyle = defineSetting<HighlightStyle>(
  'local:highlightStyle',
  v.picklist(HIGHLIGHT_STYLES),
  'background',
);

export const trigger = defineSetting<Trigger>('local:trigger', v.picklist(TRIGGERS), 'hover');

export const hoverDelayMs = defineSetting<number>(
  'local:hoverDelayMs',
  v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_MS.min), v.maxValue(HOVER_DELAY_MS.max)),
  HOVER_DELAY_MS.fallback,
);

/** Mark only the first occurrence of each term on a page (in document order). */
export const firstOccurrenceOnly = defineSetting<boolean>(
  'local:firstOccurrenceOnly',
  v.boolean(),
  false,
);

/** At most this many marks per page (the first ones in document order), or null for no cap. */
export const markCap = defineSetting<number | null>(
  'local:markCap',
  v.nullable(v.pipe(v.number(), v.integer(), v.minValue(MARK_CAP.min), v.maxValue(MARK_CAP.max))),
  null,
);

/** Every setting that changes how pages are marked, by name. */
export const settingItems = {
  paused,
  highlightStyle,
  trigger,
  hoverDelayMs,
  firstOccurrenceOnly,
  markCap,
} as const;

export type Settings = {
  [K in keyof typeof settingItems]: (typeof settingItems)[K]['fallback'];
};

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(
  Object.fromEntries(
    Object.entries(settingItems).map(([name, item]) => [name, item.fallback]),
  ) as Settings,
);

export async function readSettings(): Promise<Settings> {
  const names = Object.keys(settingItems) as (keyof Settings)[];
  const values = await Promise.all(names.map((name) => settingItems[name].getValue()));
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as Settings;
}

export type SettingChange = {
  [K in keyof Settings]: { name: K; value: Settings[K] };
}[keyof Settings];

/** Calls back with every change to any of the settings; returns the function that stops it. */
export function watchSettings(onChange: (change: SettingChange) => void): () => void {
  const stops = (Object.keys(settingItems) as (keyof Settings)[]).map((name) =>
    (settingItems[name] as SettingItem<Settings[typeof name]>).watch((value) =>
      onChange({ name, value } as SettingChange),
    ),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
