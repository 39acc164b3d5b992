import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { corpusDir, demoDir, hasCorpus, repoRoot } from './paths';

/** Test-only pages (hostile and reliability fixtures), served at `/fixtures/`. */
export const fixturePagesDir = path.join(repoRoot, 'e2e/fixtures/pages');

/** A response a test serves at one path: built at test time, or sent with its own headers. */
export interface RouteResponse {
  body: string | Uint8Array;
  /** e.g. `text/html; charset=utf-8` */
  contentType: string;
  /** Extra headers, e.g. a `Content-Security-Policy` for this page only. */
  headers?: Record<string, string>;
}

/** A request handler for one path (e.g. a sink for CSP violation reports). */
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` */
  readonly origin: string;
  /** Whether `/corpus/` serves the shared real-world pages. */
  readonly hasCorpus: boolean;
  url(pathname: string): string;
  /**
   * Serves `response` (or lets `handler` answer) at exactly `pathname`, ahead of the static files,
   * until the server closes. Registering a path again replaces it.
   */
  route(pathname: string, response: RouteResponse | RouteHandler): void;
  close(): Promise<void>;
}

/**
 * Serves `demo/` at `/`, the test fixtures at `/fixtures/`, routes that tests add, and, when the
 * shared corpus exists, its pages at `/corpus/`.
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
  const fixtures = sirv(fixturePagesDir, options);
  const routes = new Map<string, RouteResponse | RouteHandler>();

  const server = http.createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end('Not found');
    };
    const route = routes.get(new URL(req.url ?? '/', 'http://host').pathname);
    if (typeof route === 'function') {
      route(req, res);
    } else if (route) {
      res.writeHead(200, {
        'Content-Type': route.contentType,
        'Cache-Control': 'no-store',
        ...route.headers,
      });
      res.end(route.body);
    } else if (req.url?.startsWith('/fixtures/')) {
      req.url = req.url.slice('/fixtures'.length);
      fixtures(req, res, notFound);
    } else if (corpus && req.url?.startsWith('/corpus/')) {
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
    route: (pathname, response) => {
      routes.set(pathname, response);
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Browsers keep idle keep-alive sockets open; without this, close() waits for them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
