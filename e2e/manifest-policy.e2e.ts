import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionDir, type BrowserName } from './support/browsers';
import { repoRoot } from './support/paths';

/*
 * Issue 7, item 15, the static half: what the built extension declares and ships.
 *
 * - the manifests: no `externally_connectable` (no web page may message us), no
 *   `web_accessible_resources` (no page may load or probe our files), no weakened
 *   `content_security_policy`, and exactly the permissions the README justifies, one table row
 *   each;
 * - the bundles: no remote code (no `eval`, no `new Function`, no remote script), no request API
 *   aimed at a URL on the web, and every call site of a request API explained below (all are
 *   library code we never call, or fetch the extension's own files); every web URL in them is a
 *   link in a library's error message or an XML namespace;
 * - the content script listens to no `message` event on the page's window.
 *
 * It reads `.output`, so like every e2e file it runs after `npm run build`.
 */

const browsers: BrowserName[] = ['chromium', 'firefox'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[] }[];
  content_security_policy?: string | Record<string, string>;
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  background?: { service_worker?: string; scripts?: string[]; page?: string };
}

function manifest(browser: BrowserName): Manifest {
  return JSON.parse(readFileSync(path.join(extensionDir(browser), 'manifest.json'), 'utf8'));
}

/** Every file of the build with its text (code, pages and styles). */
function bundleFiles(browser: BrowserName): { file: string; text: string }[] {
  const dir = extensionDir(browser);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(js|html|css)$/.test(file))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * The permissions the README justifies: the first cell of each row of the table under
 * "Permissions, and why", by the name in backticks (`storage`, or the match pattern in
 * "content script on `<all_urls>`").
 */
function readmePermissions(): string[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.split(/^## Permissions, and why$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('README.md has no "## Permissions, and why" section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1) // the header row
    .map((line) => /`([^`]+)`/.exec(line.split('|')[1] ?? '')?.[1])
    .filter((name): name is string => name !== undefined);
}

/** What a manifest asks for: API permissions and every origin it can reach or run on. */
function declaredPermissions(m: Manifest): string[] {
  return [
    ...(m.permissions ?? []),
    ...(m.optional_permissions ?? []),
    ...(m.host_permissions ?? []),
    ...(m.optional_host_permissions ?? []),
    ...(m.content_scripts ?? []).flatMap((script) => script.matches),
  ];
}

/**
 * Call sites of request and code-loading APIs the bundles may contain, each recognised by text
 * near it that survives minification, and why it is harmless.
 */
const knownCallSites: { near: RegExp; why: string }[] = [
  {
    near: /`url`in \w+\?yield fetch\(\w+\.url\)/,
    why: '@webext-core/isolated-element fetches a stylesheet URL when given one; we pass CSS text',
  },
  {
    near: /runtime\.getURL\(`\/content-scripts\/content\.css`\);try\{return await\(await fetch\(/,
    why: "WXT's loadCss reads the extension's own CSS file (cssInjectionMode 'ui'; ours is 'manifest')",
  },
  {
    near: /`same-origin`,\w+\}function \w+\(\w+\)\{if\(\w+\.ep\)return;\w+\.ep=!0;let \w+=\w+\(\w+\);fetch\(/,
    why: "Vite's modulepreload polyfill: fetches our own chunks named by <link rel=modulepreload>",
  },
  {
    near: /new XMLHttpRequest,this\._config\.withCredentials/,
    why: 'Papa Parse downloads a file only with `download: true`; we parse text the reader picked',
  },
  {
    near: /IS_PAPA_WORKER=true; `,`\(`,\w+,`\)\(\);`\],\{type:`text\/javascript`\}\)\)\}\)\(\),\(\w+=new \w+\.Worker\(/,
    why: 'Papa Parse runs in a blob worker only with `worker: true`, which we never pass',
  },
];

/** Request and code-loading APIs: any use must be one of the known call sites. */
const requestApis =
  /fetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|Worker\(/g;

/** Code from strings: none at all (MV3 forbids it, and we want none in Firefox either). */
const codeFromStrings = /\beval\(|new Function\(|setTimeout\(\s*[`'"]|setInterval\(\s*[`'"]/;

/** A request API called with a literal web URL. */
const requestToWeb =
  /(?:fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|Worker)\(\s*[`'"]https?:/;

/** Web URLs the bundles may contain as text, and why none is ever requested. */
const knownUrls: { url: RegExp; why: string }[] = [
  { url: /^http:\/\/www\.w3\.org\//, why: 'XML namespaces React DOM uses for SVG and MathML' },
  { url: /^https:\/\/react\.dev\/errors\/$/, why: "links in React's minified error messages" },
  {
    url: /^https:\/\/(github\.com\/wxt-dev\/wxt\/issues\/371|wxt\.dev\/guide\/go-further\/testing\.html)$/,
    why: "links in WXT storage's error message",
  },
  {
    url: /^(http:\/\/bit\.ly\/2kdckMn|https:\/\/tinyurl\.com\/y2uuvskb)$/,
    why: "links in Dexie's error messages",
  },
  {
    url: /^https:\/\/developer\.mozilla\.org\/en-US\/docs\/Web\/API\/Element\/attachShadow/,
    why: "link in @webext-core/isolated-element's error message",
  },
  {
    url: /^http:\/\/\$\{\w+\}$/,
    why: 'a site the reader typed without a scheme is parsed as http://<site> (never fetched)',
  },
];

describe.each(browsers)('What the %s build declares and ships', (browser) => {
  it('has no externally_connectable and no web_accessible_resources', () => {
    const m = manifest(browser);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
  });

  it('keeps the default content security policy (none declared, so no eval and no remote code)', () => {
    expect(manifest(browser).content_security_policy).toBeUndefined();
  });

  it('asks for exactly the permissions the README justifies', () => {
    const m = manifest(browser);
    const declared = declaredPermissions(m).sort();
    console.info(`[${browser}] manifest v${m.manifest_version} asks for: ${declared.join(', ')}`);
    expect(declared).toEqual(readmePermissions().sort());
    expect(m.host_permissions ?? []).toEqual([]);
  });

  it('loads its background and content scripts from the package only', () => {
    const m = manifest(browser);
    const scripts = [
      ...(m.background?.scripts ?? []),
      ...(m.background?.service_worker ? [m.background.service_worker] : []),
      ...(m.content_scripts ?? []).flatMap((script) => script.js ?? []),
    ];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).not.toMatch(/^[a-z]+:/i);
    for (const { file, text } of bundleFiles(browser).filter((f) => f.file.endsWith('.html'))) {
      expect(text, file).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//);
    }
  });

  it('has no code from strings and no request to the web', () => {
    for (const { file, text } of bundleFiles(browser)) {
      expect(codeFromStrings.exec(text)?.[0], file).toBeUndefined();
      expect(requestToWeb.exec(text)?.[0], file).toBeUndefined();
    }
  });

  it('calls request APIs only at the known library call sites', () => {
    const unknown: string[] = [];
    let known = 0;
    for (const { file, text } of bundleFiles(browser)) {
      for (const match of text.matchAll(requestApis)) {
        const around = text.slice(Math.max(0, match.index - 300), match.index + 100);
        if (knownCallSites.some((site) => site.near.test(around))) known += 1;
        else unknown.push(`${file}: …${text.slice(match.index - 80, match.index + 60)}…`);
      }
    }
    console.info(`[${browser}] request API call sites: ${known} known, ${unknown.length} unknown`);
    expect(unknown).toEqual([]);
    // Control: the patterns do find the call sites they describe.
    expect(known).toBeGreaterThanOrEqual(knownCallSites.length);
  });

  it('contains web URLs only as text that is never requested', () => {
    const unknown = new Set<string>();
    const seen = new Set<string>();
    for (const { text } of bundleFiles(browser)) {
      for (const [url] of text.matchAll(/https?:\/\/[^\s"'`)\\<>]*(?:\$\{\w+\})?/g)) {
        seen.add(url);
        if (!knownUrls.some((known) => known.url.test(url))) unknown.add(url);
      }
    }
    console.info(`[${browser}] distinct web URLs in the bundles: ${seen.size}, all explained`);
    expect([...unknown]).toEqual([]);
  });

  it('does not listen to message events on the page (only to its own MessageChannel ports)', () => {
    const content = bundleFiles(browser).find((f) => f.file.endsWith('content.js'))!.text;
    expect(content).not.toMatch(/addEventListener\(\s*[`'"]message[`'"]/);
    const handlers = [...content.matchAll(/(\w+)\.onmessage=/g)].map(([, owner]) => owner);
    const channelPorts = [...content.matchAll(/(\w+)\.port1\.onmessage=/g)].length;
    expect(handlers.every((owner) => owner === 'port1')).toBe(true);
    expect(handlers.length).toBe(channelPorts);
  });
});
