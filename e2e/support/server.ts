import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { corpusDir, demoDir, hasCorpus } from './paths';

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` */
  readonly origin: string;
  /** Whether `/corpus/` serves the shared real-world pages. */
  readonly hasCorpus: boolean;
  url(pathname: string): string;
  close(): Promise<void>;
}

/**
 * Serves `demo/` at `/` and, when the shared corpus exists, its pages at `/corpus/`.
 *
 * Content scripts only run on http(s) pages, not on `file://` unless the user allows it, so the
 * pages must come from a real server. 127.0.0.1 and a random port: nothing is exposed beyond this
 * machine and parallel runs never collide.
 */
export async function startServer(): Promise<StaticServer> {
  // `dev`: read files from disk on each request and send `Cache-Control: no-store`, so a reload
  // never shows a stale demo page while it is being edited.
  const options = { dev: true } as const;
  const demo = sirv(demoDir, options);
  const corpus = hasCorpus ? sirv(corpusDir, options) : undefined;

  const server = http.createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end('Not found');
    };
    if (corpus && req.url?.startsWith('/corpus/')) {
      req.url = req.url.slice('/corpus'.length);
      corpus(req, res, notFound);
    } else {
      demo(req, res, notFound);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    hasCorpus: corpus !== undefined,
    url: (pathname) => new URL(pathname, origin).href,
    close: () =>
      new Promise<void>((resolve) => {
        // Browsers keep idle keep-alive sockets open; without this, close() waits for them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
