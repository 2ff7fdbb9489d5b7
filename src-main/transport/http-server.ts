import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AppError, type AppErrorBody } from '../contract';
import type { CivReg } from '../core/civreg';
import { logEvent } from '../core/log';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * Browser mode: the same services over HTTP on 127.0.0.1 only. Every API call must carry the
 * per-launch token (header `x-civreg-token`); the user's session rides in `x-civreg-session`.
 * `POST /api/<operation>` with the JSON input → `{ ok: true, result }` or `{ ok: false, error }`.
 */
export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/** Operations that carry a file: a CJK font is tens of megabytes, base64 a third more. */
// Files travel as base64: a font file; a divorce application's scans (the contract allows 20 of 10 MB).
const LARGE_BODY_OPERATIONS: Record<string, number> = { 'fonts.add': 160 * 1024 * 1024, 'divorce.apply': 280 * 1024 * 1024 };
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const STATUS: Record<AppErrorBody['code'], number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  LOCKED: 423,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNKNOWN_OPERATION: 404,
  INTERNAL: 500,
};

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The request body; an oversized one is read to its end and discarded, so the client still gets an answer. */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => {
      if (size > limit) reject(new AppError('VALIDATION', `请求内容过大（上限 ${Math.round(limit / 1024)} KB）`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

async function handleApi(app: CivReg, op: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    if (req.method !== 'POST') throw new AppError('VALIDATION', '只接受 POST 请求');
    const text = await readBody(req, LARGE_BODY_OPERATIONS[op] ?? MAX_BODY);
    let input: unknown;
    try {
      input = text ? JSON.parse(text) : {};
    } catch {
      throw new AppError('VALIDATION', '请求内容不是有效的 JSON');
    }
    const session = req.headers['x-civreg-session'];
    const result = await app.callAsync(op, input, typeof session === 'string' ? session : undefined);
    send(res, 200, { ok: true, result });
  } catch (err) {
    const error = err instanceof AppError ? err : new AppError('INTERNAL', '服务器内部错误');
    if (!(err instanceof AppError)) logEvent('http.error', { operation: op });
    send(res, STATUS[error.code], { ok: false, error: error.toBody() });
  }
}

function decodePath(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null;
  }
}

function serveStatic(root: string, urlPath: string, res: http.ServerResponse): void {
  const rel = decodePath(urlPath);
  const file = rel === null ? null : path.resolve(root, '.' + rel);
  if (!file || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('未找到');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  });
  fs.createReadStream(file).pipe(res);
}

export function startBrowserServer(app: CivReg, opts: { rendererDir: string; port?: number }): Promise<BrowserServer> {
  const token = randomBytes(24).toString('base64url');
  const root = path.resolve(opts.rendererDir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      const given = req.headers['x-civreg-token'];
      if (!tokenMatches(typeof given === 'string' ? given : undefined, token)) {
        send(res, 401, { ok: false, error: new AppError('UNAUTHENTICATED', '缺少或错误的启动令牌').toBody() });
        return;
      }
      void handleApi(app, url.pathname.slice('/api/'.length), req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(root, url.pathname, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the counter's data never listens on a network interface.
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            // A browser tab keeps its connection alive; close() alone would wait for it indefinitely.
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 1000).unref();
          }),
      });
    });
  });
}
