import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivReg } from '../../src-main/core/civreg';
import { CONTENT_SECURITY_POLICY } from '../../src-main/transport/csp';
import { startBrowserServer, type BrowserServer } from '../../src-main/transport/http-server';
import { ADMIN, cleanupTempDirs, counts, makeApp, tempDir } from '../helpers/civreg';

const REPO = path.resolve(__dirname, '../..');

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with the path sent exactly as given (fetch would normalize `..` away). */
function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser-mode HTTP server', () => {
  let app: CivReg;
  let server: BrowserServer;
  let root: string;
  let outside: string;

  beforeAll(async () => {
    ({ app } = makeApp());
    outside = tempDir('civreg-http-');
    root = path.join(outside, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>CivReg</title><div id="root"></div>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("civreg")');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'TOP-SECRET');
    fs.mkdirSync(path.join(outside, 'renderer-evil'));
    fs.writeFileSync(path.join(outside, 'renderer-evil', 'x.txt'), 'TOP-SECRET');
    server = await startBrowserServer(app, { rendererDir: root });
  });
  afterAll(async () => {
    await server.close();
    app.close();
    cleanupTempDirs();
  });

  const api = (op: string, body: unknown, headers: Record<string, string> = {}) =>
    raw(server.port, {
      method: 'POST',
      path: `/api/${op}`,
      headers: { 'content-type': 'application/json', 'x-civreg-token': server.token, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- results of many operations, checked field by field
  const json = (r: RawResponse) => JSON.parse(r.body) as { ok: boolean; result?: any; error?: { code: string; message: string; fieldErrors: Record<string, string> } };
  async function session(): Promise<string> {
    const r = await api('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(r.status).toBe(200);
    return json(r).result.session as string;
  }

  describe('listening', () => {
    it('listens on 127.0.0.1 only, with the token in the URL it prints', async () => {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
      expect(server.token.length).toBeGreaterThanOrEqual(32);
      const external = Object.values(os.networkInterfaces())
        .flat()
        .filter((i) => i && i.family === 'IPv4' && !i.internal)
        .map((i) => i!.address);
      for (const address of external) {
        const refused = await new Promise<boolean>((resolve) => {
          const s = net.connect({ host: address, port: server.port });
          s.once('connect', () => (s.destroy(), resolve(false)));
          s.once('error', () => resolve(true));
        });
        expect(refused, `reachable on ${address}`).toBe(true);
      }
    });
  });

  describe('the launch token', () => {
    it('an API call without the token gets 401, even for a public operation', async () => {
      const r = await raw(server.port, { method: 'POST', path: '/api/setup.status', body: '{}' });
      expect(r.status).toBe(401);
      expect(json(r)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    });

    it('a wrong token gets 401, whatever its length; a token in the query string is not enough', async () => {
      for (const token of ['wrong', server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A'), server.token + 'x']) {
        const r = await api('setup.status', {}, { 'x-civreg-token': token });
        expect(r.status).toBe(401);
      }
      const q = await raw(server.port, { method: 'POST', path: `/api/setup.status?token=${server.token}`, body: '{}' });
      expect(q.status).toBe(401);
    });

    it('with the token the call works', async () => {
      const r = await api('setup.status', {});
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toContain('application/json');
      expect(r.headers['cache-control']).toBe('no-store');
      expect(json(r)).toEqual({
        ok: true,
        result: { initialized: true, station: expect.objectContaining({ stationId: 'ST-0001' }) },
      });
    });

    it('an empty body counts as {}', async () => {
      const r = await raw(server.port, { method: 'POST', path: '/api/setup.status', headers: { 'x-civreg-token': server.token } });
      expect(r.status).toBe(200);
    });
  });

  describe('API errors', () => {
    it('a session operation without a session is 401; with one it works', async () => {
      expect((await api('users.list', {})).status).toBe(401);
      const s = await session();
      const r = await api('users.list', {}, { 'x-civreg-session': s });
      expect(r.status).toBe(200);
      expect(json(r).result.map((u: { username: string }) => u.username)).toEqual([ADMIN.username]);
    });

    it('malformed JSON is 400 VALIDATION and writes nothing', async () => {
      const before = counts(app);
      const r = await api('auth.login', '{"username": "admin", ');
      expect(r.status).toBe(400);
      expect(json(r)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(json(r).error!.message).toContain('JSON');
      expect(counts(app)).toEqual(before);
    });

    it('a schema error is 400 with fieldErrors naming the fields, and writes nothing', async () => {
      const s = await session();
      const before = counts(app);
      const r = await api('users.create', { username: 'X', displayName: '', role: 'boss', password: '1', extra: 1 }, { 'x-civreg-session': s });
      expect(r.status).toBe(400);
      const { error } = json(r);
      expect(error!.code).toBe('VALIDATION');
      expect(error!.fieldErrors.username).toContain('用户名');
      expect(error!.fieldErrors.displayName).toContain('姓名');
      expect(error!.fieldErrors.role).toContain('角色');
      expect(error!.fieldErrors.password).toContain('密码');
      expect(error!.fieldErrors.extra).toContain('不认识的字段');
      expect(counts(app)).toEqual(before);
    });

    it('an unknown operation is 404 UNKNOWN_OPERATION', async () => {
      const r = await api('users.dropAll', {});
      expect(r.status).toBe(404);
      expect(json(r).error!.code).toBe('UNKNOWN_OPERATION');
    });

    it('GET on the API is refused', async () => {
      const r = await raw(server.port, { path: '/api/setup.status', headers: { 'x-civreg-token': server.token } });
      expect(r.status).toBe(400);
      expect(json(r).error!.code).toBe('VALIDATION');
    });

    it('a body over 1 MB is answered with an error (not a reset) and the server keeps serving', async () => {
      const before = counts(app);
      const big = JSON.stringify({ username: 'a'.repeat(2 * 1024 * 1024), password: 'x' });
      const r = await api('auth.login', big).catch((err: Error) => err);
      expect(r, 'the connection was reset instead of answered').not.toBeInstanceOf(Error);
      expect([400, 413]).toContain((r as RawResponse).status);
      expect(json(r as RawResponse).ok).toBe(false);
      expect(counts(app)).toEqual(before);
      expect((await api('setup.status', {})).status).toBe(200);
    });

    it('a locked session gets 423', async () => {
      const s = await session();
      expect((await api('auth.lock', {}, { 'x-civreg-session': s })).status).toBe(200);
      const r = await api('users.list', {}, { 'x-civreg-session': s });
      expect(r.status).toBe(423);
      expect(json(r).error!.code).toBe('LOCKED');
    });
  });

  describe('static files', () => {
    it('index.html is served with the CSP and other security headers', async () => {
      for (const p of ['/', '/index.html']) {
        const r = await raw(server.port, { path: p });
        expect(r.status).toBe(200);
        expect(r.body).toContain('<div id="root">');
        expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
        expect(r.headers['content-security-policy']).toContain("script-src 'self'");
        expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(r.headers['x-content-type-options']).toBe('nosniff');
        expect(r.headers['x-frame-options']).toBe('DENY');
      }
    });

    it('assets are served with their type; a missing file is 404', async () => {
      const js = await raw(server.port, { path: '/assets/app.js' });
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toContain('text/javascript');
      expect((await raw(server.port, { path: '/assets/missing.js' })).status).toBe(404);
      expect((await raw(server.port, { path: '/assets' })).status).toBe(404);
    });

    it.each([
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/../renderer-evil/x.txt',
      '/..%2frenderer-evil%2fx.txt',
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2fetc%2fpasswd',
    ])('path traversal %s is 404', async (p) => {
      const r = await raw(server.port, { path: p });
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('TOP-SECRET');
      expect(r.body).not.toContain('"name"');
    });

    it('only GET and HEAD are served', async () => {
      expect((await raw(server.port, { method: 'POST', path: '/index.html', body: 'x' })).status).toBe(405);
      expect((await raw(server.port, { method: 'HEAD', path: '/index.html' })).status).toBe(200);
    });
  });
});

describe('browser mode (`civreg serve`) survives hostile requests', () => {
  let child: ChildProcess;
  let port: number;
  let output = '';

  beforeAll(async () => {
    const cli = path.join(REPO, 'out/main/cli.js');
    if (!fs.existsSync(cli)) throw new Error('out/main/cli.js is missing: run `npx electron-vite build` first');
    const dataDir = tempDir('civreg-serve-');
    child = spawn(process.execPath, ['bin/civreg.mjs', 'serve', '--data-dir', dataDir], {
      cwd: REPO,
      env: { ...process.env, CIVREG_QUIET: '1', CIVREG_RESOURCES: path.join(REPO, 'resources') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 15_000);
      const onData = (c: Buffer): void => {
        output += c.toString();
        const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
    });
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    cleanupTempDirs();
  });

  it('a malformed percent-encoded path gets an error response and the server keeps serving', async () => {
    const r = await raw(port, { path: '/%E0%A4%A' }).catch((err: Error) => err);
    expect(r, `server died:\n${output}`).not.toBeInstanceOf(Error);
    expect((r as RawResponse).status).toBeGreaterThanOrEqual(400);
    expect((r as RawResponse).status).toBeLessThan(500);
    await new Promise((res) => setTimeout(res, 100));
    expect(child.exitCode, `server exited:\n${output}`).toBeNull();
    const after = await raw(port, { path: '/api/setup.status', method: 'POST' });
    expect(after.status).toBe(401);
  });
});
