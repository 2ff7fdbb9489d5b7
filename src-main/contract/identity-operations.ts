import { z } from 'zod';
import { op } from './define';
import { calendarDate, choice, labelled, pattern, text } from './fields';

/** What a second-generation ID card (居民身份证) holds, as the reader hands it over. */
export const cardData = z.object({
  name: z.string(),
  sex: z.enum(['male', 'female']),
  /** 民族, as printed on the card (汉, 蒙古, …). */
  ethnicity: z.string(),
  /** YYYY-MM-DD. */
  birthDate: z.string(),
  address: z.string(),
  idNumber: z.string(),
  /** 签发机关. */
  issuingAuthority: z.string(),
  /** YYYY-MM-DD. */
  validFrom: z.string(),
  /** YYYY-MM-DD, or 长期 for a card without an end date. */
  validTo: z.string(),
  /** The card's photo as base64 (the reader's image format), when the reader gives one. */
  photoBase64: z.string().optional(),
});
export type CardData = z.infer<typeof cardData>;

export const CARD_READER_KINDS = ['websocket', 'simulated', 'none'] as const;
export type CardReaderKind = (typeof CARD_READER_KINDS)[number];

export const CARD_READER_LABELS: Record<CardReaderKind, string> = {
  websocket: '身份证阅读器（厂商本机服务）',
  simulated: '模拟读卡器（测试、培训）',
  none: '不使用读卡器（手工录入）',
};

/** The vendor's service runs on this machine; nothing else may be asked for ID card data. */
export const CARD_READER_URL_PATTERN = /^ws:\/\/(127\.0\.0\.1|localhost)(:([1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5]))?(\/[^\s]*)?$/;
export const DEFAULT_CARD_READER_URL = 'ws://127.0.0.1:1919';


/**
 * A card put on the simulated reader (the training panel, or the simulator's JSON file). The number
 * is checked only for its form: a training card may carry a wrong check digit or a birth date that
 * disagrees with its number, to practise what 读卡 then reports. Sex and birth date left out are
 * taken from the number.
 */
export const simulatedCardInput = z.strictObject({
  name: text('姓名', { max: 50 }),
  idNumber: pattern('公民身份号码', /^\d{17}[\dXx]$/, '18 位，最后一位可为 X'),
  sex: choice('性别', ['male', 'female']).optional(),
  birthDate: calendarDate('出生日期').optional(),
  ethnicity: text('民族', { max: 20 }).optional(),
  address: text('住址', { max: 100 }).optional(),
  issuingAuthority: text('签发机关', { max: 60 }).optional(),
  validFrom: calendarDate('有效期起始日期').optional(),
  validTo: labelled('有效期截止日期', z.string().trim().regex(/^(\d{4}-\d{2}-\d{2}|长期)$/, '有效期截止日期格式不正确：应为 YYYY-MM-DD 或“长期”')).optional(),
  photoBase64: labelled('照片', z.string().max(200_000, '照片不能超过 200 KB')).optional(),
});
export type SimulatedCardInput = z.input<typeof simulatedCardInput>;

const readerView = z.object({
  kind: z.enum(CARD_READER_KINDS),
  /** The vendor service's address (websocket only). */
  url: z.string().nullable(),
  /** The simulator's card file, if it loads one. */
  cardsFile: z.string().nullable(),
  /** Cards waiting on the simulator (simulated only). */
  waiting: z.number().nullable(),
  /** Where the choice comes from: the station's setting, CIVREG_CARD_READER, or the default. */
  source: z.enum(['setting', 'env', 'default']),
});
export type CardReaderView = z.infer<typeof readerView>;

/** The ID card reader (居民身份证阅读器): the station's reader is a setting; the simulator serves tests and training. */
export const identityOperations = {
  'identity.readCard': op({
    title: '读取身份证',
    kind: 'read',
    access: 'marriage.register',
    input: z.strictObject({}),
    output: cardData,
  }),
  'identity.reader': op({
    title: '查看身份证阅读器',
    kind: 'read',
    access: 'session',
    input: z.strictObject({}),
    output: readerView,
  }),
  'identity.placeCard': op({
    title: '训练读卡器放置身份证',
    kind: 'write',
    access: 'marriage.register',
    input: simulatedCardInput,
    output: z.object({ waiting: z.number() }),
  }),
  'identity.configureReader': op({
    title: '设置身份证阅读器',
    kind: 'write',
    access: 'settings.manage',
    input: z.strictObject({
      kind: choice('读卡器类型', CARD_READER_KINDS),
      url: pattern('读卡器服务地址', CARD_READER_URL_PATTERN, '只能是本机地址 ws://127.0.0.1:端口 或 ws://localhost:端口').optional(),
      cardsFile: text('模拟身份证文件', { max: 500 }).optional(),
    }),
    output: readerView,
  }),
} as const;
