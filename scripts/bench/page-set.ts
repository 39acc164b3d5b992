/**
 * The pages the browser benchmark scans: the shared corpus when `../shared/corpus/pages` exists,
 * and always the demo pages (the corpus is unrelated reading with almost no glossary terms; the
 * demo pages are where the terms are). On a fresh clone generated articles take the corpus's place.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { corpusDir, demoDir, hasCorpus } from '../../e2e/support/paths';
import type { BenchServer } from './bench-server';
import { articlePages } from './generated-pages';

export interface BenchPage {
  /** `corpus/wikipedia-2`, `demo/index`, `generated/article-400` */
  id: string;
  url: string;
  source: 'corpus' | 'demo' | 'generated';
  /** Size of the HTML file. */
  bytes: number;
}

const htmlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort();

export function benchPages(server: BenchServer): BenchPage[] {
  const pages: BenchPage[] = [];
  if (hasCorpus) {
    for (const file of htmlFiles(corpusDir)) {
      pages.push({
        id: `corpus/${file.replace(/\.html$/, '')}`,
        url: server.url(`/corpus/${file}`),
        source: 'corpus',
        bytes: statSync(path.join(corpusDir, file)).size,
      });
    }
  } else {
    for (const page of articlePages()) {
      pages.push({
        id: `generated/${page.name}`,
        url: server.addPage(page),
        source: 'generated',
        bytes: Buffer.byteLength(page.html),
      });
    }
  }
  for (const file of htmlFiles(demoDir)) {
    pages.push({
      id: `demo/${file.replace(/\.html$/, '')}`,
      url: server.url(`/${file}`),
      source: 'demo',
      bytes: statSync(path.join(demoDir, file)).size,
    });
  }
  return pages;
}
