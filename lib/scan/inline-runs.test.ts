// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { inlineRuns } from './inline-runs';
import { FlowCache } from './layout';

function runsOf(html: string): string[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
  return [...inlineRuns(document.body, new FlowCache())].map((run) => run.text.trim());
}

describe('inlineRuns', () => {
  beforeEach(() => document.body.replaceChildren());

  it('joins text split by inline elements into one run', () => {
    expect(runsOf('<p>The social <em>credit</em> <b>sys</b>tem</p>')).toEqual([
      'The social credit system',
    ]);
  });

  it('keeps the offsets of every node', () => {
    runsOf('<p>ab<em>cd</em>ef</p>');
    const [run] = [...inlineRuns(document.body, new FlowCache())];
    expect(run?.starts).toEqual([0, 2, 4]);
    expect(run?.nodes.map((n) => n.data)).toEqual(['ab', 'cd', 'ef']);
  });

  it('ends a run at block boundaries and <br>', () => {
    expect(runsOf('<div>social credit<p>system</p>after</div><p>one<br>two</p>')).toEqual([
      'social credit',
      'system',
      'after',
      'one',
      'two',
    ]);
  });

  it('treats an inline element styled as a block as a boundary', () => {
    expect(runsOf('<p>social <span style="display:block">credit</span> system</p>')).toEqual([
      'social',
      'credit',
      'system',
    ]);
  });

  it.each([
    ['textarea', '<textarea>GRC</textarea>'],
    ['input value', '<input value="GRC">'],
    ['select/option', '<select><option>GRC</option></select>'],
    ['code', '<code>GRC</code>'],
    ['pre', '<pre>GRC</pre>'],
    ['kbd', '<kbd>GRC</kbd>'],
    ['samp', '<samp>GRC</samp>'],
    ['script', '<script>var GRC</script>'],
    ['style', '<style>.GRC{}</style>'],
    ['noscript', '<noscript>GRC</noscript>'],
    ['template', '<template>GRC</template>'],
    ['svg', '<svg><text>GRC</text></svg>'],
    ['math', '<math><mi>GRC</mi></math>'],
    ['contenteditable', '<div contenteditable="true">GRC <b>GRC</b></div>'],
    ['contenteditable (empty value)', '<div contenteditable>GRC</div>'],
    ['aria-hidden', '<div aria-hidden="true">GRC</div>'],
    ['hidden attribute', '<p hidden>GRC</p>'],
    ['display:none', '<p style="display:none">GRC</p>'],
    ['ProseMirror editor', '<div class="ProseMirror">GRC</div>'],
    ['CodeMirror 6 editor', '<div class="cm-editor">GRC</div>'],
    ['Monaco editor', '<div class="monaco-editor">GRC</div>'],
    ['our own UI host', '<credit-lens-ui>GRC</credit-lens-ui>'],
  ])('skips %s', (_name, html) => {
    expect(runsOf(`<p>before</p>${html}<p>after</p>`)).toEqual(['before', 'after']);
  });

  it('reads contenteditable="false" islands as ordinary text', () => {
    expect(runsOf('<div contenteditable="false">GRC</div>')).toEqual(['GRC']);
  });

  it('ends a run at a skipped inline element, so a term cannot span it', () => {
    expect(runsOf('<p>social <code>credit</code> system</p>')).toEqual(['social', 'system']);
  });

  it('skips text that is visibility:hidden but reads visible children of it', () => {
    expect(
      runsOf('<p style="visibility:hidden">gone <span style="visibility:visible">shown</span></p>'),
    ).toEqual(['shown']);
  });

  it('yields no run for whitespace-only text', () => {
    expect(runsOf('<div>\n  <p>x</p>\n  </div>')).toEqual(['x']);
  });
});
