#!/usr/bin/env node
// Tiny static file server for www/ (no dependencies), with what a static host does for an
// index: gzip for text, wasm and .bin files when the client accepts it, ETag and
// Last-Modified with 304 answers, and long-lived immutable caching for content-hashed
// pieces (`pieces/` folders); everything else is revalidated (`no-cache`).
//
//   node scripts/serve.mjs [dir=www] [port=8080] [host=127.0.0.1]
//
// Also a module: `startServer({ root, port, host, mounts, log })` resolves to
// `{ server, url, port, close() }`. `port: 0` picks a free port.
// `mounts` maps URL prefixes to extra directories, e.g. { '/_bench/': 'tests/bench' };
// `log(entry)` receives `{ url, status, bytes, encoding }` for every response.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ts': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Map a URL path to a file under `root`, or null if it escapes `root`. */
export function resolveSafe(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootAbs = path.resolve(root);
  const file = path.resolve(rootAbs, '.' + path.posix.normalize('/' + decoded.replaceAll('\\', '/')));
  if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) return null;
  return file;
}

/** Types worth compressing. */
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|octet-stream|manifest))/;
/** Compressed bodies by path, size and mtime: compressing once is what a host's CDN does. */
const gzipped = new Map();

function compressed(file, st, body) {
  const key = `${file}:${st.size}:${st.mtimeMs}`;
  let gz = gzipped.get(key);
  if (!gz) {
    gz = gzipSync(body, { level: 9 });
    gzipped.set(key, gz);
  }
  return gz;
}

export function startServer({ root = 'www', port = 8080, host = '127.0.0.1', mounts = {}, quiet = true, log } = {}) {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : prefix + '/', path.resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  table.push(['/', path.resolve(root)]);

  const server = createServer(async (req, res) => {
    const send = (code, msg) => {
      res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : msg + '\n');
      if (!quiet) console.log(code, req.method, req.url);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let pathname;
    try {
      pathname = new URL(req.url, 'http://x').pathname;
    } catch {
      return send(400, 'bad request');
    }
    const [prefix, dir] = table.find(([p]) => pathname.startsWith(p)) ?? table[table.length - 1];
    let file = resolveSafe(dir, pathname.slice(prefix.length - 1));
    if (!file) return send(403, 'forbidden');
    try {
      let st = await stat(file);
      if (st.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: pathname + '/' });
          return res.end();
        }
        file = path.join(file, 'index.html');
        st = await stat(file);
      }
      if (!st.isFile()) return send(404, 'not found');
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      const headers = {
        'content-type': type,
        'cache-control': /\/pieces\//.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag,
        'last-modified': st.mtime.toUTCString(),
        'x-content-type-options': 'nosniff',
        vary: 'accept-encoding',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        log?.({ url: req.url, status: 304, bytes: 0, encoding: null });
        return res.end();
      }
      let body = await readFile(file);
      const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && body.length > 256;
      if (gzip) {
        body = compressed(file, st, body);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      log?.({ url: req.url, status: 200, bytes: body.length, encoding: gzip ? 'gzip' : null });
      if (!quiet) console.log(200, req.method, req.url);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(404, 'not found');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        server,
        port: actual,
        url: `http://${host}:${actual}/`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [dir = 'www', port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  const { url } = await startServer({ root: dir, port: Number(port), host, quiet: false }).catch((e) => {
    console.error(`serve: cannot listen on ${host}:${port}: ${e.message}`);
    process.exit(1);
  });
  console.log(`Serving ${path.resolve(dir)} on ${url}  (Ctrl-C to stop)`);
}
