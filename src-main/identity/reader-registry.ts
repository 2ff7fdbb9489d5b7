import { z } from 'zod';
import { AppError } from '../contract';
import { CARD_READER_URL_PATTERN, DEFAULT_CARD_READER_URL, type CardReaderView } from '../contract/identity-operations';
import type { Queries } from '../core/queries';
import type { CardReader } from './card-reader';
import { SimulatedCardReader } from './simulated-card-reader';
import { WebSocketCardReader } from './websocket-card-reader';

/**
 * Which ID card reader the station uses: a station setting (key `cardReader` in `settings`, a JSON
 * value) chosen by the administrator. Without one, `CIVREG_CARD_READER` (websocket | simulated |
 * none) decides — tests, training and `civreg serve` set `simulated` — and otherwise the vendor's
 * service at ws://127.0.0.1:1919. The simulator's card file is the setting's `cardsFile`, else
 * `CIVREG_SIMULATED_CARDS`.
 */
export const CARD_READER_SETTING = 'cardReader';

export const cardReaderConfig = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('websocket'), url: z.string().regex(CARD_READER_URL_PATTERN) }),
  z.object({ kind: z.literal('simulated'), cardsFile: z.string().min(1).nullable() }),
  z.object({ kind: z.literal('none') }),
]);
export type CardReaderConfig = z.infer<typeof cardReaderConfig>;

export type ConfigSource = CardReaderView['source'];

export interface ResolvedConfig {
  config: CardReaderConfig;
  source: ConfigSource;
}

function envCardsFile(env: NodeJS.ProcessEnv): string | null {
  return env.CIVREG_SIMULATED_CARDS?.trim() || null;
}

/** The stored setting, or null when the administrator has not chosen (or the row cannot be read). */
export function storedReaderConfig(q: Queries): CardReaderConfig | null {
  const row = q.setting.get({ key: CARD_READER_SETTING });
  if (!row) return null;
  try {
    const parsed = cardReaderConfig.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function resolveReaderConfig(q: Queries, env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
  const stored = storedReaderConfig(q);
  if (stored) return { config: effectiveConfig(stored, env), source: 'setting' };
  const fromEnv = env.CIVREG_CARD_READER?.trim();
  if (fromEnv) {
    if (fromEnv === 'simulated') return { config: { kind: 'simulated', cardsFile: envCardsFile(env) }, source: 'env' };
    if (fromEnv === 'websocket') return { config: { kind: 'websocket', url: DEFAULT_CARD_READER_URL }, source: 'env' };
    if (fromEnv === 'none') return { config: { kind: 'none' }, source: 'env' };
    throw new AppError('INTERNAL', `环境变量 CIVREG_CARD_READER 的值无效：${fromEnv}（可为 websocket、simulated、none）`);
  }
  return { config: { kind: 'websocket', url: DEFAULT_CARD_READER_URL }, source: 'default' };
}

/** A stored simulator without its own card file takes CIVREG_SIMULATED_CARDS'. */
export function effectiveConfig(stored: CardReaderConfig, env: NodeJS.ProcessEnv = process.env): CardReaderConfig {
  return stored.kind === 'simulated' ? { ...stored, cardsFile: stored.cardsFile ?? envCardsFile(env) } : stored;
}

interface Entry {
  key: string;
  reader: CardReader | null;
}

/**
 * One reader per CivReg instance (keyed by its database connection) and configuration: the
 * simulator's queue and the WebSocket adapter's one-read-at-a-time guard live as long as the
 * configuration does; a changed configuration makes a new reader on the next use.
 */
const registry = new WeakMap<object, Entry>();

export function readerFor(owner: object, config: CardReaderConfig): CardReader | null {
  const key = JSON.stringify(config);
  const cached = registry.get(owner);
  if (cached?.key === key) return cached.reader;
  const reader = makeReader(config);
  registry.set(owner, { key, reader });
  return reader;
}

/** After the administrator chose a reader: this one from now on, even if the choice is the same as before (a fresh queue, the file read again). */
export function installReader(owner: object, config: CardReaderConfig, reader: CardReader | null): void {
  registry.set(owner, { key: JSON.stringify(config), reader });
}

/** A new reader for a configuration; a simulator's card file is read (and refused if wrong) here. */
export function makeReader(config: CardReaderConfig): CardReader | null {
  switch (config.kind) {
    case 'websocket':
      return new WebSocketCardReader({ url: config.url });
    case 'simulated':
      return config.cardsFile ? SimulatedCardReader.fromFile(config.cardsFile) : new SimulatedCardReader();
    case 'none':
      return null;
  }
}

export function viewOf(config: CardReaderConfig, source: ConfigSource, reader: CardReader | null): CardReaderView {
  return {
    kind: config.kind,
    url: config.kind === 'websocket' ? config.url : null,
    cardsFile: config.kind === 'simulated' ? config.cardsFile : null,
    waiting: reader instanceof SimulatedCardReader ? reader.waiting : null,
    source,
  };
}

/** The station's reader, with the description `identity.reader` gives. */
export function describeReader(owner: object, resolved: ResolvedConfig): CardReaderView {
  return viewOf(resolved.config, resolved.source, readerFor(owner, resolved.config));
}
