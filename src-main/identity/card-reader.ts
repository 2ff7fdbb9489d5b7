import { AppError, type ErrorCode } from '../contract';
import type { CardData } from '../contract/identity-operations';

export type { CardData } from '../contract/identity-operations';

/**
 * The ID card reader port: one call reads the card lying on the reader. Cards are read once each —
 * the card must be lifted off the reader before the next read. Adapters: the vendor's local
 * WebSocket service (websocket-card-reader.ts) and the simulator for tests and training
 * (simulated-card-reader.ts); a vendor SDK with another interface is another adapter.
 */
export interface CardReader {
  read(signal?: AbortSignal): Promise<CardData>;
}

/** Why a read failed; the message says it in Chinese for the clerk. */
export type CardReadFailure =
  | 'unavailable' // no reader, or its service is not running
  | 'no-card' // nothing on the reader
  | 'already-read' // the card on the reader was read and has not been lifted off
  | 'timeout'
  | 'malformed' // the service answered something this adapter does not understand
  | 'busy' // another read is still running
  | 'aborted'
  | 'failed'; // the reader reported another error

const CODES: Record<CardReadFailure, ErrorCode> = {
  unavailable: 'INTERNAL',
  'no-card': 'CONFLICT',
  'already-read': 'CONFLICT',
  timeout: 'INTERNAL',
  malformed: 'INTERNAL',
  busy: 'CONFLICT',
  aborted: 'CONFLICT',
  failed: 'INTERNAL',
};

/** An AppError that also says which failure it is (the transports carry only the message). */
export class CardReadError extends AppError {
  readonly reason: CardReadFailure;
  constructor(reason: CardReadFailure, message: string) {
    super(CODES[reason], message);
    this.name = 'CardReadError';
    this.reason = reason;
  }
}

export const cardReadErrors = {
  unavailable: (url: string) => new CardReadError('unavailable', `读卡器服务未运行（${url}），请检查读卡器是否连接、驱动服务是否已启动`),
  noCard: () => new CardReadError('no-card', '请放置身份证'),
  alreadyRead: () => new CardReadError('already-read', '这张身份证已经读过，请将身份证从读卡器上取下后重新放置'),
  timeout: (seconds: number) => new CardReadError('timeout', `读卡超时（${seconds} 秒内读卡器未应答），请重新放置身份证后再试`),
  malformed: (detail: string) => new CardReadError('malformed', `读卡器返回的数据无法识别（${detail}），请联系管理员检查读卡器驱动`),
  busy: () => new CardReadError('busy', '正在读卡，请稍候'),
  aborted: () => new CardReadError('aborted', '读卡已取消'),
  failed: (message: string) => new CardReadError('failed', `读卡失败：${message}`),
} as const;
