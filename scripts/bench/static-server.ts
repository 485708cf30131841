/**
 * A small static file server for the benchmark, serving the built pages the
 * way a static host does: gzip for text when the browser asks for it, a
 * Content-Type per extension, 404 for what is missing. Compressed bodies are
 * kept in memory so that repeated runs measure the browser, not zlib.
 *
 * No server dependency: Lighthouse and the timings only need these few rules.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
/** Already compressed formats gain nothing from gzip. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.txt', '.csv', '.svg']);

/** URL prefix (starting and ending with "/") → folder it serves. */
export type Mounts = Record<string, string>;

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function startStaticServer(port: number, mounts: Mounts): Promise<StaticServer> {
  // Longest prefix first, so "/plain/" wins over "/".
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const gzipCache = new Map<string, { mtime: number; body: Buffer }>();

  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const mount = table.find(([prefix]) => pathname.startsWith(prefix));
      if (!mount) return notFound();
      const [prefix, dir] = mount;
      let file = normalize(join(dir, pathname.slice(prefix.length)));
      // Never serve outside the mounted folder ("/../" in a path).
      if (file !== dir && !file.startsWith(dir + sep)) return notFound();
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return notFound();

      const ext = extname(file).toLowerCase();
      const headers: Record<string, string> = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        // Each run starts from a fresh browser profile anyway; this keeps Lighthouse's reload honest.
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
      };
      const wantsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      let body: Buffer;
      if (wantsGzip && COMPRESSIBLE.has(ext)) {
        const cached = gzipCache.get(file);
        if (cached && cached.mtime === info.mtimeMs) {
          body = cached.body;
        } else {
          // Level 6 is zlib's default and what static hosts and CDNs commonly use on the fly.
          body = gzipSync(await readFile(file), { level: 6 });
          gzipCache.set(file, { mtime: info.mtimeMs, body });
        }
        headers['Content-Encoding'] = 'gzip';
      } else {
        body = await readFile(file);
      }
      headers['Content-Length'] = String(body.length);
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    })().catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    });

    function notFound() {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('not found');
    }
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
