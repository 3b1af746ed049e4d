// Development only: serves dist/ and forwards /api, /hubs and /health (WebSocket upgrades included) to a
// running Host, so the browser sees one origin exactly as it will when the Host serves dist/ itself.
//
//   API_TARGET=http://127.0.0.1:5080 PORT=5173 npm run dev
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';
const target = new URL(process.env.API_TARGET ?? 'http://127.0.0.1:5080');
const proxied = ['/api', '/hubs', '/health', '/swagger'];

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const isProxied = (url) => proxied.some((prefix) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`));

function proxy(request, response) {
  const upstream = http.request(
    {
      hostname: target.hostname,
      port: target.port,
      method: request.method,
      path: request.url,
      headers: { ...request.headers, host: target.host },
    },
    (upstreamResponse) => {
      response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
      upstreamResponse.pipe(response);
    },
  );
  upstream.on('error', (error) => {
    if (response.headersSent) return response.destroy();
    // The same envelope the API uses, so the client shows a sentence rather than a parse failure.
    response.writeHead(502, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ code: 0, message: `The API at ${target.origin} is not reachable (${error.code}).`, errors: {} }));
  });
  request.pipe(upstream);
}

async function serveStatic(request, response) {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  const relative = normalize(path === '/' ? '/index.html' : path).replace(/^([/\\])+/, '');
  if (relative.startsWith('..')) {
    response.writeHead(403).end();
    return;
  }
  let file = join(dist, relative);
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    // An unknown path gets the app shell, as the Host's fallback does.
    file = join(dist, 'index.html');
  }
  try {
    await stat(file);
  } catch {
    response.writeHead(500, { 'content-type': 'text/plain' }).end('dist/ is missing: run `npm run build` first.\n');
    return;
  }
  response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(response);
}

const server = http.createServer((request, response) => {
  if (isProxied(request.url)) proxy(request, response);
  else serveStatic(request, response);
});

// SignalR's WebSocket transport: replay the upgrade request upstream, then splice the two sockets together.
server.on('upgrade', (request, socket, head) => {
  if (!isProxied(request.url)) {
    socket.destroy();
    return;
  }
  const upstream = net.connect(Number(target.port || 80), target.hostname, () => {
    const headers = [];
    for (let i = 0; i < request.rawHeaders.length; i += 2) {
      const name = request.rawHeaders[i];
      const value = name.toLowerCase() === 'host' ? target.host : request.rawHeaders[i + 1];
      headers.push(`${name}: ${value}`);
    }
    upstream.write(`${request.method} ${request.url} HTTP/${request.httpVersion}\r\n${headers.join('\r\n')}\r\n\r\n`);
    if (head?.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  const close = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on('error', close);
  socket.on('error', close);
  upstream.on('close', close);
  socket.on('close', close);
});

server.listen(port, host, () => {
  console.log(`EnhanceFund web: http://${host}:${port}/ (API, hub and health forwarded to ${target.origin})`);
});
