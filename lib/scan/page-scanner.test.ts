// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installHighlightPolyfills, rangeText } from '~/test/dom-polyfills';
import { bundledGlossary } from '../glossary';
import { MatchRegistry } from '../highlight/match-registry';
import { compileMatcher } from '../match';
import { PageScanner } from './page-scanner';
import { scanRoots } from './scan-roots';

beforeAll(installHighlightPolyfills);

const matcher = compileMatcher(bundledGlossary().entries);

function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

function marked(registry: MatchRegistry): string[] {
  return registry.inDocumentOrder().map((m) => `${rangeText(m.range)}=${m.entryId}`);
}

describe('scanRoots', () => {
  it('marks terms across inline elements, in Chinese and in pinyin', async () => {
    setBody(
      '<p>The social <em>credit</em> system, <i>chéngxìn</i> (誠信) and xinyong.</p>' +
        '<p>A <a href="#">top-level <b>design</b></a> by the NDRC, not the ndrc.</p>',
    );
    const registry = new MatchRegistry(new Map() as unknown as HighlightRegistry);
    const stats = await scanRoots([document.body], { matcher, registry });
    expect(marked(registry)).toEqual([
      'social credit system=social-credit-system',
      'chéngxìn=chengxin',
      '誠信=chengxin',
      'xinyong=xinyong',
      'top-level design=top-level-design',
      'NDRC=ndrc',
    ]);
    expect(stats).toMatchObject({ kind: 'full', textNodes: 9, matches: 6 });
  });

  it('never changes the document', async () => {
    setBody('<p>The social <em>credit</em> system and GRC.</p><textarea>GRC</textarea>');
    const before = document.body.cloneNode(true) as HTMLElement;
    await scanRoots([document.body], { matcher, registry: new MatchRegistry(new Map() as never) });
    expect(document.body.isEqualNode(before)).toBe(true);
  });

  it('records a credit-lens:scan performance measure with its counts', async () => {
    setBody('<p>GRC and NDRC</p>');
    const measure = vi.spyOn(performance, 'measure');
    await scanRoots([document.body], { matcher, registry: new MatchRegistry(new Map() as never) });
    expect(measure).toHaveBeenCalledWith(
      'credit-lens:scan',
      expect.objectContaining({
        detail: expect.objectContaining({ textNodes: 1, chars: 12, matches: 2 }),
      }),
    );
    measure.mockRestore();
  });

  it('stops when cancelled and reports nothing', async () => {
    setBody('<p>GRC</p>'.repeat(5000));
    const abort = new AbortController();
    const registry = new MatchRegistry(new Map() as never);
    const pending = scanRoots([document.body], { matcher, registry, signal: abort.signal });
    abort.abort();
    expect(await pending).toBeNull();
    expect(registry.size).toBeLessThan(5000);
  });
});

describe('PageScanner', () => {
  let scanner: PageScanner | undefined;
  afterEach(() => scanner?.stop());

  async function start(html: string) {
    setBody(html);
    const registry = new MatchRegistry(new Map() as never);
    scanner = new PageScanner(document, {
      matcher,
      registry,
      isOwnNode: (node) => node instanceof Element && node.localName === 'credit-lens-ui',
    });
    await scanner.start();
    return registry;
  }

  it('marks text added after the first scan', async () => {
    const registry = await start('<p>Nothing yet.</p>');
    const p = document.createElement('p');
    p.append('Later: the ', Object.assign(document.createElement('em'), { textContent: 'GRC' }));
    document.body.append(p);
    await vi.waitFor(() => expect(marked(registry)).toEqual(['GRC=grc']));
  });

  it('marks a term completed by a text change', async () => {
    const registry = await start('<p id="p">the social credit sys</p>');
    const text = document.getElementById('p')!.firstChild as Text;
    text.data = 'the social credit system';
    await vi.waitFor(() =>
      expect(marked(registry)).toEqual(['social credit system=social-credit-system']),
    );
  });

  it('drops the marks of removed text at once', async () => {
    const registry = await start('<p id="a">GRC</p><p>NDRC</p>');
    document.getElementById('a')!.remove();
    // Synchronously, in the same task as the removal's MutationObserver callback.
    await Promise.resolve();
    expect(marked(registry)).toEqual(['NDRC=ndrc']);
  });

  it('does not mark text added inside skipped elements', async () => {
    const registry = await start('<div contenteditable="true"><p>x</p></div>');
    document.querySelector('[contenteditable] p')!.append(' GRC');
    await scanner!.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await scanner!.idle();
    expect(marked(registry)).toEqual([]);
  });

  it('ignores its own UI host', async () => {
    const registry = await start('<p>GRC</p>');
    const host = document.createElement('credit-lens-ui');
    host.textContent = 'NDRC';
    document.body.append(host);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await scanner!.idle();
    expect(marked(registry)).toEqual(['GRC=grc']);
  });

  it('removes every mark when stopped', async () => {
    const registry = await start('<p>GRC</p>');
    scanner!.stop();
    expect(registry.size).toBe(0);
  });
});
