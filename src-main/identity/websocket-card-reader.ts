import WebSocket from 'ws';
import { z } from 'zod';
import { DEFAULT_CARD_READER_URL } from '../contract/identity-operations';
import { cardReadErrors, CardReadError, type CardData, type CardReader } from './card-reader';

/**
 * The wire format of the vendors' local WebSocket service, in this one place. A vendor whose
 * service speaks another format (other commands, field names or codes) is a new adapter beside
 * this one, not a variation of it.
 *
 * Request:  {"cmd":"readCard"}
 * Response: {"code":0,"data":{"name","sex":"男"|"女","nation","born":"YYYYMMDD","address","idNum",
 *            "issuedBy","validStart":"YYYYMMDD","validEnd":"YYYYMMDD"|"长期","photo"?: base64}}
 *       or  {"code":<non-zero>,"message":"…"} — 1: no card on the reader; 2: the card on the reader
 *            was already read and has not been lifted off; any other code: the message says why.
 */
export const READ_CARD_REQUEST = { cmd: 'readCard' } as const;

const yyyymmdd = z.string().trim().regex(/^\d{8}$/);

export const wireCard = z.object({
  name: z.string().trim().min(1),
  sex: z.enum(['男', '女']),
  nation: z.string().trim(),
  born: yyyymmdd,
  address: z.string().trim(),
  idNum: z.string().trim().regex(/^\d{17}[\dXx]$/),
  issuedBy: z.string().trim(),
  validStart: yyyymmdd,
  validEnd: z.union([yyyymmdd, z.literal('长期')]),
  photo: z.string().optional(),
});

/** Every response carries a code; 0 comes with the card, anything else with a message. */
export const wireStatus = z.object({ code: z.number().int(), message: z.string().optional() });
export const wireSuccess = z.object({ code: z.literal(0), data: wireCard });

export const WIRE_NO_CARD = 1;
export const WIRE_ALREADY_READ = 2;

const isoOf = (d: string): string => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

/** The vendor's card in the port's terms. */
export function fromWire(card: z.infer<typeof wireCard>): CardData {
  return {
    name: card.name,
    sex: card.sex === '男' ? 'male' : 'female',
    ethnicity: card.nation,
    birthDate: isoOf(card.born),
    address: card.address,
    idNumber: card.idNum.toUpperCase(),
    issuingAuthority: card.issuedBy,
    validFrom: isoOf(card.validStart),
    validTo: card.validEnd === '长期' ? '长期' : isoOf(card.validEnd),
    ...(card.photo ? { photoBase64: card.photo } : {}),
  };
}

/** Interpret one response message; never echoes its values (they are personal data). */
export function interpretResponse(text: string): CardData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw cardReadErrors.malformed('不是 JSON');
  }
  const status = wireStatus.safeParse(json);
  if (!status.success) throw cardReadErrors.malformed(`字段 ${pathOf(status.error)}`);
  const { code, message } = status.data;
  if (code === 0) {
    const success = wireSuccess.safeParse(json);
    if (!success.success) throw cardReadErrors.malformed(`字段 ${pathOf(success.error)}`);
    return fromWire(success.data.data);
  }
  if (code === WIRE_NO_CARD) throw cardReadErrors.noCard();
  if (code === WIRE_ALREADY_READ) throw cardReadErrors.alreadyRead();
  return failWith(code, message);
}

/** Where the vendor's response is wrong: the field's path, never its value. */
function pathOf(error: z.ZodError): string {
  return error.issues[0]?.path.map(String).join('.') || '响应';
}

function failWith(code: number, message: string | undefined): never {
  throw cardReadErrors.failed(message?.trim() ? `${message.trim().slice(0, 100)}（代码 ${code}）` : `读卡器返回错误代码 ${code}`);
}

export interface WebSocketCardReaderOptions {
  url?: string;
  /** The whole read — connect, ask, answer — must finish within this. */
  timeoutMs?: number;
}

/**
 * The adapter for the local WebSocket service that the vendors' drivers expose. One connection
 * per read, closed when the read ends whichever way it ends.
 */
export class WebSocketCardReader implements CardReader {
  readonly url: string;
  readonly timeoutMs: number;
  private reading = false;

  constructor(opts: WebSocketCardReaderOptions = {}) {
    this.url = opts.url ?? DEFAULT_CARD_READER_URL;
    this.timeoutMs = opts.timeoutMs ?? 5000;
  }

  async read(signal?: AbortSignal): Promise<CardData> {
    if (this.reading) throw cardReadErrors.busy();
    if (signal?.aborted) throw cardReadErrors.aborted();
    this.reading = true;
    try {
      return await this.readOnce(signal);
    } finally {
      this.reading = false;
    }
  }

  private readOnce(signal?: AbortSignal): Promise<CardData> {
    return new Promise<CardData>((resolve, reject) => {
      let opened = false;
      let settled = false;
      const socket = new WebSocket(this.url, { handshakeTimeout: this.timeoutMs, maxPayload: 4 * 1024 * 1024 });

      const finish = (outcome: { card: CardData } | { error: CardReadError }, polite: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners('message');
        // Keep a listener: a late socket error must not become an uncaught exception.
        socket.on('error', () => undefined);
        if (polite && socket.readyState === WebSocket.OPEN) socket.close(1000);
        else socket.terminate();
        if ('card' in outcome) resolve(outcome.card);
        else reject(outcome.error);
      };

      const timer = setTimeout(() => finish({ error: cardReadErrors.timeout(Math.round(this.timeoutMs / 100) / 10) }, false), this.timeoutMs);
      const onAbort = (): void => finish({ error: cardReadErrors.aborted() }, false);
      signal?.addEventListener('abort', onAbort, { once: true });

      socket.on('open', () => {
        opened = true;
        socket.send(JSON.stringify(READ_CARD_REQUEST));
      });
      socket.on('message', (data: WebSocket.RawData) => {
        try {
          finish({ card: interpretResponse(rawText(data)) }, true);
        } catch (err) {
          finish({ error: err instanceof CardReadError ? err : cardReadErrors.malformed('无法解析') }, true);
        }
      });
      socket.on('unexpected-response', () => finish({ error: cardReadErrors.unavailable(this.url) }, false));
      socket.on('error', () => {
        finish({ error: opened ? cardReadErrors.failed('与读卡器服务的连接中断') : cardReadErrors.unavailable(this.url) }, false);
      });
      socket.on('close', () => {
        finish({ error: opened ? cardReadErrors.failed('读卡器服务未返回结果就断开了连接') : cardReadErrors.unavailable(this.url) }, false);
      });
    });
  }
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
