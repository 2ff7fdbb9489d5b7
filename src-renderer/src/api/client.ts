import { AppError, isAppErrorBody, type OpInput, type OpName, type OpOutput } from '../../../src-main/contract';

/**
 * The renderer's one way to the main process, derived from the contract. In Electron the preload
 * exposes `window.civreg` (one function per operation); elsewhere the same call goes over HTTP to
 * browser mode with the per-launch token taken from the URL.
 */
type Bridge = Record<string, (input: unknown, session: string | undefined) => Promise<unknown>>;

declare global {
  interface Window {
    civreg?: Bridge;
  }
}

const TOKEN_KEY = 'civreg.launchToken';
const SESSION_KEY = 'civreg.session';

function launchToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = typeof window !== 'undefined' && !window.civreg ? launchToken() : null;

export function getSession(): string | undefined {
  return sessionStorage.getItem(SESSION_KEY) ?? undefined;
}

export function setSession(session: string | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, session);
  else sessionStorage.removeItem(SESSION_KEY);
}

async function overHttp(name: string, input: unknown, session: string | undefined): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-civreg-token': token ?? '' };
  if (session) headers['x-civreg-session'] = session;
  let res: Response;
  try {
    res = await fetch(`/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
  } catch {
    throw new AppError('INTERNAL', '无法连接到 CivReg 服务，请确认程序仍在运行');
  }
  const body = (await res.json().catch(() => null)) as { ok: boolean; result?: unknown; error?: unknown } | null;
  if (body?.ok) return body.result;
  if (body && isAppErrorBody(body.error)) throw AppError.fromBody(body.error);
  throw new AppError('INTERNAL', `服务返回了无法识别的响应（HTTP ${res.status}）`);
}

/** Listeners told when the main process reports the session locked or gone. */
const sessionListeners = new Set<(code: 'LOCKED' | 'UNAUTHENTICATED') => void>();
export function onSessionProblem(listener: (code: 'LOCKED' | 'UNAUTHENTICATED') => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export async function call<K extends OpName>(name: K, input: NoInfer<OpInput<K>>): Promise<OpOutput<K>> {
  const session = getSession();
  try {
    const bridge = window.civreg;
    const result = bridge ? await bridge[name](input, session) : await overHttp(name, input, session);
    return result as OpOutput<K>;
  } catch (err) {
    const error = err instanceof AppError ? err : toAppError(err);
    if ((error.code === 'LOCKED' || error.code === 'UNAUTHENTICATED') && session && name !== 'auth.login') {
      for (const l of sessionListeners) l(error.code);
    }
    throw error;
  }
}

/** IPC rejections arrive as plain Errors whose message carries the serialized AppError body. */
function toAppError(err: unknown): AppError {
  const message = err instanceof Error ? err.message : String(err);
  const json = message.slice(message.indexOf('{'));
  try {
    const body: unknown = JSON.parse(json);
    if (isAppErrorBody(body)) return AppError.fromBody(body);
  } catch {
    // not a serialized AppError
  }
  return new AppError('INTERNAL', message);
}
