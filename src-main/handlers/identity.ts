import path from 'node:path';
import { AppError } from '../contract';
import { CARD_READER_LABELS, DEFAULT_CARD_READER_URL, type CardData } from '../contract/identity-operations';
import { settings } from '../db/schema';
import type { ReadHandler, WriteHandler } from '../core/context';
import { logEvent } from '../core/log';
import { CardReadError } from '../identity/card-reader';
import { crossCheck, parseResidentId } from '../identity/resident-id';
import {
  CARD_READER_SETTING,
  describeReader,
  effectiveConfig,
  installReader,
  makeReader,
  readerFor,
  resolveReaderConfig,
  viewOf,
  type CardReaderConfig,
} from '../identity/reader-registry';
import { completeCard, SimulatedCardReader } from '../identity/simulated-card-reader';

/**
 * What is on the card must hold together: a valid GB 11643 number whose birth date and sex are
 * the card's. A card that fails is refused whole — a damaged chip or a forged card — naming the field.
 */
function checkCard(card: CardData): CardData {
  try {
    const id = parseResidentId(card.idNumber, '公民身份号码');
    crossCheck(id, { birthDate: card.birthDate, sex: card.sex }, '公民身份号码');
    return { ...card, idNumber: id.number };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw new AppError('VALIDATION', `身份证读出的信息有误：${err.message}。请核对证件，或手工录入`, err.fieldErrors);
  }
}

/** One card off the station's reader. Logs the reader kind and the outcome only, never the card. */
export const readCard: ReadHandler<'identity.readCard'> = async (ctx) => {
  const { config } = resolveReaderConfig(ctx.q);
  const reader = readerFor(ctx.sqlite, config);
  if (!reader) throw new AppError('CONFLICT', '本工作站未使用身份证阅读器，请手工录入身份信息');
  let card: CardData;
  try {
    card = await reader.read();
  } catch (err) {
    logEvent('identity.card_read', { reader: config.kind, ok: false, reason: err instanceof CardReadError ? err.reason : 'error' });
    throw err;
  }
  try {
    const checked = checkCard(card);
    logEvent('identity.card_read', { reader: config.kind, ok: true });
    return checked;
  } catch (err) {
    logEvent('identity.card_read', { reader: config.kind, ok: false, reason: 'invalid-card' });
    throw err;
  }
};

export const reader: ReadHandler<'identity.reader'> = (ctx) => describeReader(ctx.sqlite, resolveReaderConfig(ctx.q));

/** Training: a card on the simulated reader. Refused on a station whose reader is a real one (or none). */
export const placeCard: WriteHandler<'identity.placeCard'> = (ctx, input) => {
  const { config } = resolveReaderConfig(ctx.q);
  const simulator = readerFor(ctx.sqlite, config);
  if (!(simulator instanceof SimulatedCardReader)) {
    throw new AppError('CONFLICT', `本工作站使用的是“${CARD_READER_LABELS[config.kind]}”：训练用身份证只能放到模拟读卡器上`);
  }
  const card = completeCard(input);
  return {
    result: { waiting: simulator.waiting + 1 },
    // No personal data in the audit log: the card itself stays out of it.
    audit: { recordIds: ['card-reader:simulated'], summary: '训练读卡器放置一张身份证' },
    afterCommit: () => {
      simulator.place(card);
    },
  };
};

function describeConfig(config: CardReaderConfig): string {
  if (config.kind === 'websocket') return `${CARD_READER_LABELS.websocket} ${config.url}`;
  if (config.kind === 'simulated') return config.cardsFile ? `${CARD_READER_LABELS.simulated}，文件 ${config.cardsFile}` : CARD_READER_LABELS.simulated;
  return CARD_READER_LABELS.none;
}

/** The administrator's choice of reader: the vendor's service on this machine, the simulator, or none. */
export const configureReader: WriteHandler<'identity.configureReader'> = (ctx, input) => {
  if (input.url !== undefined && input.kind !== 'websocket') {
    throw new AppError('VALIDATION', '只有身份证阅读器（厂商本机服务）才填写读卡器服务地址', { url: '此处不需要服务地址' });
  }
  if (input.cardsFile !== undefined && input.kind !== 'simulated') {
    throw new AppError('VALIDATION', '只有模拟读卡器才使用模拟身份证文件', { cardsFile: '此处不需要模拟身份证文件' });
  }
  if (input.cardsFile !== undefined && !path.isAbsolute(input.cardsFile)) {
    throw new AppError('VALIDATION', '模拟身份证文件须写完整路径', { cardsFile: '须为完整路径' });
  }
  const stored: CardReaderConfig =
    input.kind === 'websocket'
      ? { kind: 'websocket', url: input.url ?? DEFAULT_CARD_READER_URL }
      : input.kind === 'simulated'
        ? { kind: 'simulated', cardsFile: input.cardsFile ?? null }
        : { kind: 'none' };
  const before = resolveReaderConfig(ctx.q);
  const config = effectiveConfig(stored);
  // Built before anything is written: a simulator's card file that cannot be read refuses the change.
  const newReader = makeReader(config);
  const at = ctx.now.toISOString();
  const value = JSON.stringify(stored);
  ctx.db
    .insert(settings)
    .values({ key: CARD_READER_SETTING, value, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
    .run();
  return {
    result: viewOf(config, 'setting', newReader),
    audit: {
      recordIds: [`settings:${CARD_READER_SETTING}`],
      summary: `身份证阅读器：${describeConfig(before.config)} → ${describeConfig(config)}`,
      before: before.config,
      after: stored,
    },
    afterCommit: () => installReader(ctx.sqlite, config, newReader),
  };
};
