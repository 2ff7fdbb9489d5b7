import fs from 'node:fs';
import { z } from 'zod';
import { AppError, parseInput } from '../contract';
import { simulatedCardInput, type SimulatedCardInput } from '../contract/identity-operations';
import { cardReadErrors, type CardData, type CardReader } from './card-reader';

/**
 * The simulated reader for tests and training: a queue of cards "placed" on the reader, loaded
 * from a JSON file (an array of cards in the training panel's form) and/or put there by the
 * training panel (`identity.placeCard`). Each read takes the next card off; an empty reader
 * answers as a real one does: 请放置身份证.
 */
export class SimulatedCardReader implements CardReader {
  private readonly queue: CardData[] = [];

  constructor(cards: readonly CardData[] = [], readonly cardsFile: string | null = null) {
    this.queue.push(...cards);
  }

  /** The cards of a JSON file; a file that is missing or wrong is refused naming the card and the field. */
  static fromFile(file: string): SimulatedCardReader {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new AppError('VALIDATION', `模拟身份证文件无法读取：${file}`, { cardsFile: '无法读取' });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError('VALIDATION', `模拟身份证文件不是有效的 JSON：${file}`, { cardsFile: '不是有效的 JSON' });
    }
    if (!Array.isArray(json)) throw new AppError('VALIDATION', `模拟身份证文件应为身份证的数组：${file}`, { cardsFile: '应为数组' });
    const cards = json.map((entry, i) => {
      try {
        return completeCard(parseInput(simulatedCardInput, entry));
      } catch (err) {
        const why = err instanceof AppError ? err.message : String(err);
        throw new AppError('VALIDATION', `模拟身份证文件第 ${i + 1} 张：${why}`, { cardsFile: `第 ${i + 1} 张有误` });
      }
    });
    return new SimulatedCardReader(cards, file);
  }

  read(signal?: AbortSignal): Promise<CardData> {
    if (signal?.aborted) return Promise.reject(cardReadErrors.aborted());
    const card = this.queue.shift();
    return card ? Promise.resolve(card) : Promise.reject(cardReadErrors.noCard());
  }

  place(card: CardData): number {
    this.queue.push(card);
    return this.queue.length;
  }

  get waiting(): number {
    return this.queue.length;
  }
}

/**
 * A training card as the reader would give it. Sex and birth date left out come from the number's
 * digits as they are (not checked: reading the card checks them); the rest get plausible defaults.
 */
export function completeCard(input: z.output<typeof simulatedCardInput> | SimulatedCardInput): CardData {
  const idNumber = input.idNumber.trim().toUpperCase();
  const birthDate = input.birthDate ?? `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const validFrom = input.validFrom ?? '2020-01-01';
  return {
    name: input.name.trim(),
    sex: input.sex ?? (Number(idNumber[16]) % 2 === 1 ? 'male' : 'female'),
    ethnicity: input.ethnicity ?? '汉',
    birthDate,
    address: input.address ?? '',
    idNumber,
    issuingAuthority: input.issuingAuthority ?? '',
    validFrom,
    validTo: input.validTo ?? `${Number(validFrom.slice(0, 4)) + 20}${validFrom.slice(4)}`,
    ...(input.photoBase64 ? { photoBase64: input.photoBase64 } : {}),
  };
}
