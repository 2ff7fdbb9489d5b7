import type { ServiceLine } from '../../src-main/funeral/waiver';

/** One line of a funeral home's bill: the item, how many, and the actual cost in 元 (held in 分). */
export const serviceLine = (itemId: string, quantity: number, actualCostYuan: number): ServiceLine => ({
  itemId,
  quantity,
  actualCost: Math.round(actualCostYuan * 100),
});

/**
 * The bills the unit tests (the computation) and the integration tests (the commands) both work with,
 * so the figures they check are the same: 惠州's seven items at actual cost, 2,850 元, over the 1,780 元 cap…
 */
export const HUIZHOU_BILL: ServiceLine[] = [
  serviceLine('transport', 1, 600),
  serviceLine('washing', 1, 200),
  serviceLine('storage', 3, 450),
  serviceLine('farewell', 1, 500),
  serviceLine('cremation', 1, 600),
  serviceLine('urn', 1, 300),
  serviceLine('ash-storage', 1, 200),
];

/** …and 东莞's, 2,020 元: capped at 1,170 元 under the 2020 scheme. */
export const DONGGUAN_BILL: ServiceLine[] = [
  serviceLine('transport', 1, 350),
  serviceLine('washing', 1, 120),
  serviceLine('storage', 3, 300),
  serviceLine('farewell', 1, 400),
  serviceLine('cremation', 1, 450),
  serviceLine('urn', 1, 250),
  serviceLine('ash-storage', 1, 150),
];
