// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installHighlightPolyfills, rangeText } from '~/test/dom-polyfills';
import { bundledGlossary } from '../glossary';
import { MatchRegistry } from '../highlight/match-registry';
import { compileMatcher } from '../match';
import { composedContains } from './composed-tree';
import { DirtyRoots } from './mutation-queue';
import { PageScanner } from './page-scanner';
import { scanRoots } from './scan-roots';
import { isInsideSkipped } from './skip';

beforeAll(installHighlightPolyfills);

const matcher = compileMatcher(bundledGlossary().entries);

/** The marked texts, sorted: shadow trees have no document order relative to the light tree. */
function marked(registry: MatchRegistry): string[] {
  return registry
    .inDocumentOrder()
    .map((m) => rangeText(m.range))
    .sort();
}

/** A `<div>` host with an open (or closed) shadow root holding `html`, appended to `parent`. */
function component(
  parent: Element | ShadowRoot,
  html: string,
  mode: ShadowRootMode = 'open',
): ShadowRoot {
  const host = document.createElement('div');
  parent.append(host);
  const shadow = host.attachShadow({ mode });
  fill(shadow, html);
  return shadow;
}

/** Appends parsed markup to a node (as the existing scanner tests build their pages). */
function fill(parent: Element | ShadowRoot, markup: string): void {
  parent.append(...new DOMParser().parseFromString(markup, 'text/html').body.childNodes);
}

const newRegistry = () => new MatchRegistry(new Map() as unknown as HighlightRegistry);

beforeEach(() => document.body.replaceChildren());

describe('scanning open shadow roots', () => {
  it('marks terms inside a component and inside a component nested in it', async () => {
    fill(document.body, '<p>GRC outside</p>');
    const outer = component(document.body, '<p>The NDRC inside</p>');
    component(outer, '<p>诚信 nested</p>');
    const registry = newRegistry();
    const stats = await scanRoots([document.body], { matcher, registry });
    expect(marked(registry)).toEqual(['GRC', 'NDRC', '诚信']);
    expect(stats).toMatchObject({ roots: 1, shadowRoots: 2, matches: 3 });
  });

  it('reads text placed straight under a shadow root', async () => {
    const shadow = component(document.body, '');
    shadow.append('The NDRC, ', document.createElement('b'));
    const registry = newRegistry();
    await scanRoots([document.body], { matcher, registry });
    expect(marked(registry)).toEqual(['NDRC']);
  });

  it('reads slotted text once, and neither unslotted light text nor hidden fallback', async () => {
    const host = document.createElement('div');
    fill(host, '<span slot="a">GRC slotted</span><span slot="nowhere">NDRC unslotted</span>');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    fill(
      shadow,
      '<p><slot name="a">xinyong fallback, not shown</slot></p>' +
        '<p><slot name="empty">诚信 fallback, shown</slot></p>',
    );
    const registry = newRegistry();
    const stats = await scanRoots([document.body], { matcher, registry });
    expect(marked(registry)).toEqual(['GRC', '诚信']);
    expect(stats?.matches).toBe(2);
  });

  it('ends a run at a shadow host, whose own tree renders between the text around it', async () => {
    fill(document.body, '<p>NDR<span id="host"></span>C and GR<span>C</span></p>');
    document.getElementById('host')!.attachShadow({ mode: 'open' }).append('-');
    const registry = newRegistry();
    await scanRoots([document.body], { matcher, registry });
    expect(marked(registry)).toEqual(['GRC']);
  });

  it('leaves closed shadow roots alone, and does not fail on them', async () => {
    fill(document.body, '<p>GRC</p>');
    component(document.body, '<p>NDRC in a closed root</p>', 'closed');
    const registry = newRegistry();
    const stats = await scanRoots([document.body], { matcher, registry });
    expect(marked(registry)).toEqual(['GRC']);
    expect(stats?.shadowRoots).toBe(0);
  });

  it('does not enter a component inside a skipped element', async () => {
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    document.body.append(editor);
    const shadow = component(editor, '<p>GRC</p>');
    const registry = newRegistry();
    await scanRoots([document.body], { matcher, registry });
    expect(marked(registry)).toEqual([]);
    // And a rescan of part of that component knows it is inside the editor.
    expect(isInsideSkipped(shadow.querySelector('p')!)).toBe(true);
    expect(isInsideSkipped(shadow)).toBe(true);
  });
});

describe('the registry and the mutation queue see through shadow roots', () => {
  it('puts terms inside a component where the component is, in document order', async () => {
    fill(document.body, '<p>GRC first</p>');
    const outer = component(document.body, '<p>xinyong second</p>');
    component(outer, '<p>诚信 third</p>');
    fill(document.body, '<p>NDRC last</p>');
    const registry = newRegistry();
    await scanRoots([document.body], { matcher, registry });
    const inOrder = registry.inDocumentOrder().map((m) => rangeText(m.range));
    expect(inOrder).toEqual(['GRC', 'xinyong', '诚信', 'NDRC']);
  });

  it('removeWithin drops the matches inside a removed host’s shadow tree', async () => {
    const shadow = component(document.body, '<p>GRC</p>');
    component(shadow, '<p>NDRC</p>');
    const registry = newRegistry();
    await scanRoots([document.body], { matcher, registry });
    expect(registry.size).toBe(2);
    registry.removeWithin(shadow.host);
    expect(registry.size).toBe(0);
  });

  it('take() keeps a dirty root inside a shadow tree only if its host is not queued too', () => {
    const shadow = component(document.body, '<p id="inner">GRC</p>');
    const inner = shadow.getElementById('inner')!;
    const other = document.createElement('p');
    document.body.append(other);
    expect(composedContains(document.body, inner)).toBe(true);
    expect(document.body.contains(inner)).toBe(false);

    const dirty = new DirtyRoots();
    const record = (target: Node, type: MutationRecordType = 'characterData') =>
      ({ type, target, addedNodes: [], removedNodes: [] }) as unknown as MutationRecord;
    dirty.addRecord(record(inner.firstChild!));
    dirty.addRecord(record(other.appendChild(document.createTextNode('x'))));
    expect(dirty.take()).toEqual([inner, other]);

    dirty.addRecord(record(inner.firstChild!));
    dirty.addRecord({
      type: 'childList',
      target: document.body,
      addedNodes: [shadow.host],
      removedNodes: [],
    } as unknown as MutationRecord);
    // The added host (a block) is rescanned whole, its shadow tree with it.
    expect(dirty.take()).toEqual([shadow.host]);
  });
});

describe('PageScanner with shadow roots', () => {
  let scanner: PageScanner | undefined;
  afterEach(() => scanner?.stop());

  async function start(onShadowRoot?: (shadow: ShadowRoot) => void) {
    const registry = newRegistry();
    scanner = new PageScanner(document, { matcher, registry, onShadowRoot });
    await scanner.start();
    return registry;
  }

  it('marks text added inside a shadow root after the first scan, without duplicates', async () => {
    const shadow = component(document.body, '<p id="p">nothing yet</p>');
    const seen: ShadowRoot[] = [];
    const registry = await start((root) => seen.push(root));
    expect(seen).toEqual([shadow]);
    shadow.getElementById('p')!.append(' the GRC');
    shadow.append('and the NDRC');
    await vi.waitFor(() => expect(marked(registry)).toEqual(['GRC', 'NDRC']));
    (shadow.getElementById('p')!.firstChild as Text).data = 'still the xinyong';
    await vi.waitFor(() => expect(marked(registry)).toEqual(['GRC', 'NDRC', 'xinyong']));
    await scanner!.idle();
    expect(registry.size).toBe(3);
    // Only ever this one root, however often it was rescanned.
    expect(new Set(seen)).toEqual(new Set([shadow]));
  });

  it('marks a component added after the first scan, and watches its shadow root', async () => {
    const registry = await start();
    const shadow = component(document.body, '<p>GRC</p>');
    await vi.waitFor(() => expect(marked(registry)).toEqual(['GRC']));
    shadow.querySelector('p')!.append(' and NDRC');
    await vi.waitFor(() => expect(marked(registry)).toEqual(['GRC', 'NDRC']));
  });

  it('drops the marks of a component removed from the page', async () => {
    const shadow = component(document.body, '<p>GRC</p>');
    const registry = await start();
    expect(registry.size).toBe(1);
    shadow.host.remove();
    await Promise.resolve();
    expect(registry.size).toBe(0);
  });

  it('stops watching shadow roots when stopped', async () => {
    const shadow = component(document.body, '<p id="p">nothing yet</p>');
    const registry = await start();
    scanner!.stop();
    shadow.getElementById('p')!.append(' the GRC');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(registry.size).toBe(0);
  });
});
