import type { OpInput } from '../../src-main/contract';
import type { ServiceLine } from '../../src-main/funeral/waiver';
import { idNumber } from './civreg';

type WaiverInput = OpInput<'funeral.enterWaiver'>;
type Service = WaiverInput['services'][number];

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

/** A man born 1940-05-06 with sequence `seq` (odd: male), who died on `dateOfDeath` in 惠州. */
export function deceased(seq: number, dateOfDeath: string, over: Partial<WaiverInput['deceased']> = {}): WaiverInput['deceased'] {
  return {
    name: `李${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}${'明华强伟'[seq % 4]}`,
    sex: 'male',
    idNumber: idNumber(`441302194005060${String(seq * 2 + 1).padStart(2, '0')}`),
    dateOfDeath,
    hukou: '广东省惠州市惠城区',
    hukouInCity: true,
    placeOfDeath: '惠州市中心人民医院',
    diedInCity: true,
    crematedAtCityHome: true,
    deathCertificateNumber: `Y4413${String(seq).padStart(6, '0')}`,
    ...over,
  };
}

/** A waiver for `deceased(seq, …)` under a scheme with category `all`, on 惠州's bill unless told. */
export function waiver(seq: number, dateOfDeath: string, opts: { services?: Service[]; deceased?: Partial<WaiverInput['deceased']> } = {}): WaiverInput {
  return {
    deceased: deceased(seq, dateOfDeath, opts.deceased),
    categoryId: 'all',
    services: opts.services ?? HUIZHOU_BILL,
    payer: { name: '李小华', idNumber: idNumber('44130219700101002'), relation: '子' },
  };
}
