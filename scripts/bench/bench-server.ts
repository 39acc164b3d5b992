/**
 * The benchmark's web server: the demo pages at `/`, the shared corpus at `/corpus/` when it is
 * there (as the e2e server does), pages generated for this run at `/generated/<name>.html`, and
 * the in-page helpers at `/bench-js/<name>.js`. 127.0.0.1 on a random port: content scripts need
 * http(s) pages, and nothing is exposed beyond this machine.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { corpusDir, demoDir, hasCorpus } from '../../e2e/support/paths';
import type { GeneratedPage } from './generated-pages';

export interface BenchServer {
  readonly origin: string;
  readonly hasCorpus: boolean;
  url(pathname: string): string;
  /** Adds (or replaces) a page at `/generated/<name>.html`; returns its URL. */
  addPage(page: GeneratedPage): string;
  close(): Promise<void>;
}

export async function startBenchServer(scripts: Record<string, string>): Promise<BenchServer> {
  const demo = sirv(demoDir, { dev: true });
  const corpus = hasCorpus ? sirv(corpusDir, { dev: true }) : undefined;
  const generated = new Map<string, string>();

  const send = (res: http.ServerResponse, type: string, body: string) => {
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end('Not found');
    };
    const url = req.url ?? '/';
    const page = /^\/generated\/([\w-]+)\.html$/.exec(url)?.[1];
    const script = /^\/bench-js\/([\w-]+)\.js$/.exec(url)?.[1];
    if (page !== undefined) {
      const html = generated.get(page);
      if (html === undefined) notFound();
      else send(res, 'text/html', html);
    } else if (script !== undefined) {
      const code = scripts[script];
      if (code === undefined) notFound();
      else send(res, 'text/javascript', code);
    } else if (corpus && url.startsWith('/corpus/')) {
      req.url = url.slice('/corpus'.length);
      corpus(req, res, notFound);
    } else {
      demo(req, res, notFound);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = (pathname: string) => new URL(pathname, origin).href;
  return {
    origin,
    hasCorpus: corpus !== undefined,
    url,
    addPage(page) {
      generated.set(page.name, page.html);
      return url(`/generated/${page.name}.html`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
