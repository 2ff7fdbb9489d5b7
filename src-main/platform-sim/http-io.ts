import type http from 'node:http';
import type { z } from 'zod';
import type { errorResponse } from '../platform/protocol';
import { describeIssues } from './issues';

/** A refusal with its HTTP status and the protocol's machine-readable code; the message is for people (Chinese). */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }

  body(): z.infer<typeof errorResponse> {
    return { error: { code: this.code, message: this.message } };
  }
}

/** A request body larger than this is refused (413): a push of 1 000 events is far below it. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * The whole body as text. An oversized one is refused as soon as it passes the limit (the declared length
 * first); the caller answers 413 and closes the connection, so the rest is never read.
 */
export function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () => new SimError(413, 'TOO_LARGE', `请求内容过大（上限 ${limit / 1024 / 1024} MB）`);
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      reject(tooLarge());
      return;
    }
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON text checked against a schema; anything else is MALFORMED (400), naming the field. */
export function parseBody<T>(schema: z.ZodType<T>, text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SimError(400, 'MALFORMED', '请求内容不是有效的 JSON');
  }
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new SimError(400, 'MALFORMED', `请求内容不符合协议：${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}
