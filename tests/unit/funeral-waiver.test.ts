import { describe, expect, it } from 'vitest';
import { versionInForce } from '../../src-main/funeral/policy-versions';
import { DONGGUAN, GUANGZHOU, HUIZHOU, LEIZHOU, SHANTOU_LONGHU } from '../../src-main/funeral/seed-policies';
import {
  computeWaiver,
  computeWaiverUnderScheme,
  shareCap,
  type DeceasedFacts,
  type ServiceLine,
  type Waiver,
} from '../../src-main/funeral/waiver';
import { appError } from '../helpers/civreg';
import { DONGGUAN_BILL, HUIZHOU_BILL, serviceLine as line } from '../helpers/funeral-bills';


const TODAY = '2026-03-15';
const resident = (over: Partial<DeceasedFacts> = {}): DeceasedFacts => ({
  categoryId: 'all',
  exclusionIds: [],
  birthDate: '1940-05-06',
  dateOfDeath: '2026-03-10',
  hukouInCity: true,
  diedInCity: true,
  crematedAtCityHome: true,
  ...over,
});
const byItem = (w: Waiver, itemId: string) => {
  const found = w.lines.find((l) => l.itemId === itemId);
  if (!found) throw new Error(`no line ${itemId}`);
  return found;
};

/** Every waiver must add up to the fen: lines to totals, waived + family = claimed, no line over its bill. */
function expectExactSums(w: Waiver): void {
  for (const l of w.lines) {
    expect(Number.isInteger(l.waived) && Number.isInteger(l.familyPays)).toBe(true);
    expect(l.waived + l.familyPays).toBe(l.claimed);
    expect(l.waived).toBeGreaterThanOrEqual(0);
    expect(l.waived).toBeLessThanOrEqual(l.claimed);
  }
  expect(w.lines.reduce((s, l) => s + l.waived, 0)).toBe(w.totalWaived);
  expect(w.lines.reduce((s, l) => s + l.claimed, 0)).toBe(w.totalClaimed);
  expect(w.totalWaived + w.familyPays).toBe(w.totalClaimed);
}

const huizhou = HUIZHOU.versions[0];
const leizhou = LEIZHOU.versions[0];

describe('惠州: actual cost up to 1,780 元 per body', () => {
  const services = HUIZHOU_BILL;

  it('actual costs of 2,850 元 are waived 1,780 元 exactly; the family pays 1,070 元', () => {
    const w = computeWaiver({ version: huizhou, services, deceased: resident(), today: TODAY });
    expect(w.eligible).toBe(true);
    expect(w.totalClaimed).toBe(285000);
    expect(w.totalWaived).toBe(178000);
    expect(w.familyPays).toBe(107000);
    expect(w.overallCap).toEqual({ cap: 178000, beforeCap: 285000 });
    expectExactSums(w);
  });

  it('the cap is shared in proportion to each line, the leftover fen going to the largest remainders', () => {
    const w = computeWaiver({ version: huizhou, services, deceased: resident(), today: TODAY });
    // 178000 / 285000 of each line, rounded down, then +1 fen to urn (.842), transport and cremation (.684 each).
    expect(w.lines.map((l) => l.waived)).toEqual([37474, 12491, 28105, 31228, 37474, 18737, 12491]);
    expect(byItem(w, 'urn').rule).toBe(
      '骨灰盒按实际费用减免；实际费用 300 元全额减免；总额不超过 1,780 元，超出的 1,070 元按各项减免额比例扣减，本项由 300 元减为 187.37 元',
    );
  });

  it('under the cap, every line is waived in full and no line mentions the cap', () => {
    const under = [line('transport', 1, 450), line('washing', 1, 200), line('cremation', 1, 600), line('urn', 1, 300), line('ash-storage', 1, 200)];
    const w = computeWaiver({ version: huizhou, services: under, deceased: resident(), today: TODAY });
    expect(w.totalWaived).toBe(175000);
    expect(w.familyPays).toBe(0);
    expect(w.overallCap).toBeNull();
    expect(w.lines.every((l) => !l.rule.includes('总额'))).toBe(true);
  });

  it('exactly at the cap is not reduced', () => {
    const w = computeWaiver({ version: huizhou, services: [line('cremation', 1, 1000), line('farewell', 1, 780)], deceased: resident(), today: TODAY });
    expect(w.totalWaived).toBe(178000);
    expect(w.overallCap).toBeNull();
  });
});

describe('雷州: per-item caps', () => {
  // Quantities within the caps, costs over the items' money caps.
  const capped = [line('transport', 1, 600), line('storage', 3, 300), line('cremation', 1, 300), line('ash-storage', 2, 120)];

  it('transport ≤ 480; storage 3 × 80; cremation 250; ash storage 2 × 50', () => {
    const w = computeWaiver({ version: leizhou, services: capped, deceased: resident(), today: TODAY });
    expect(w.lines.map((l) => [l.itemId, l.quantity, l.allowedQuantity, l.waived])).toEqual([
      ['transport', 1, 1, 48000],
      ['storage', 3, 3, 24000],
      ['cremation', 1, 1, 25000],
      ['ash-storage', 2, 2, 10000],
    ]);
    expect(w.totalWaived).toBe(107000);
    expect(w.familyPays).toBe(25000);
    expectExactSums(w);
  });

  it('each line names the rule that set its amount', () => {
    const w = computeWaiver({ version: leizhou, services: capped, deceased: resident(), today: TODAY });
    expect(byItem(w, 'storage').rule).toBe('遗体冷藏按实际费用减免，每天不超过 80 元，最多 3 天；实际费用 300 元超过限额，减免 3 天 × 80 元 = 240 元');
    expect(byItem(w, 'ash-storage').rule).toBe('骨灰寄存按实际费用减免，每年不超过 50 元，最多 2 年；实际费用 120 元超过限额，减免 2 年 × 50 元 = 100 元');
    expect(byItem(w, 'transport').rule).toBe('遗体接运按实际费用减免，本项不超过 480 元；实际费用 600 元超过本项上限，减免 480 元');
    expect(byItem(w, 'cremation').rule).toBe('遗体火化按实际费用减免，每次不超过 250 元；实际费用 300 元超过限额，减免 250 元');
  });

  it('all items at their caps add to 1,590 元; the total is held to 1,540 元, proportionally', () => {
    const services = [...capped, line('washing', 1, 150), line('urn', 1, 300), line('farewell', 1, 300)];
    const w = computeWaiver({ version: leizhou, services, deceased: resident(), today: TODAY });
    expect(w.overallCap).toEqual({ cap: 154000, beforeCap: 159000 });
    expect(w.totalWaived).toBe(154000);
    expect(w.lines.map((l) => l.waived)).toEqual([46491, 23245, 24214, 9685, 11623, 19371, 19371]);
    expect(byItem(w, 'storage').rule).toContain('；总额不超过 1,540 元，超出的 50 元按各项减免额比例扣减，本项由 240 元减为 232.45 元');
    expectExactSums(w);
  });

  it('a cheaper line is waived at its actual cost', () => {
    // 3 days for 150.01 元: under 3 × 80 元, waived in full, to the fen.
    const w = computeWaiver({ version: leizhou, services: [line('storage', 3, 150.01), line('cremation', 1, 200)], deceased: resident(), today: TODAY });
    expect(byItem(w, 'storage').waived).toBe(15001);
    expect(byItem(w, 'storage').rule).toBe('遗体冷藏按实际费用减免，每天不超过 80 元，最多 3 天；实际费用 150.01 元未超过限额，全额减免');
    expect(byItem(w, 'cremation').waived).toBe(20000);
    expect(byItem(w, 'cremation').rule).toContain('实际费用 200 元未超过限额，全额减免');
    expectExactSums(w);
  });

  it('a quantity over the item\'s quantity cap is bad input naming the line, not a partial waiver', () => {
    const err = appError(() =>
      computeWaiver({ version: leizhou, services: [line('cremation', 1, 250), line('storage', 5, 400), line('ash-storage', 3, 150)], deceased: resident(), today: TODAY }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors).toEqual({
      'services.1.quantity': '第 2 行：遗体冷藏（天）数量 5 超过政策上限 3 天',
      'services.2.quantity': '第 3 行：骨灰寄存（年）数量 3 超过政策上限 2 年',
    });
    expect(err.message).toBe('第 2 行：遗体冷藏（天）数量 5 超过政策上限 3 天（另有 1 处错误）');
    // At the cap is fine.
    expect(computeWaiver({ version: leizhou, services: [line('storage', 3, 400)], deceased: resident(), today: TODAY }).lines[0].waived).toBe(24000);
  });

  it('over the cap is bad input even for someone not eligible: the form is wrong either way', () => {
    const err = appError(() =>
      computeWaiver({ version: leizhou, services: [line('storage', 4, 320)], deceased: resident({ hukouInCity: false, diedInCity: false }), today: TODAY }),
    );
    expect(err.fieldErrors['services.0.quantity']).toBe('第 1 行：遗体冷藏（天）数量 4 超过政策上限 3 天');
  });
});

describe('东莞: the policy in force on the date of death', () => {
  const services = DONGGUAN_BILL;

  it('died 2025-08-31: the 2020 scheme, total capped at 1,170 元', () => {
    const w = computeWaiverUnderScheme(DONGGUAN, { services, deceased: resident({ dateOfDeath: '2025-08-31' }), today: TODAY });
    expect(w.versionId).toBe('dg-2020');
    expect(w.totalClaimed).toBe(202000);
    expect(w.totalWaived).toBe(117000);
    expect(w.familyPays).toBe(85000);
    expectExactSums(w);
  });

  it('died 2025-09-01: the 2025 plan, each item at its standard amount', () => {
    const w = computeWaiverUnderScheme(DONGGUAN, { services, deceased: resident({ dateOfDeath: '2025-09-01' }), today: TODAY });
    expect(w.versionId).toBe('dg-2025');
    expect(w.lines.map((l) => l.waived)).toEqual([30000, 10000, 24000, 30000, 40000, 20000, 10000]);
    expect(w.totalWaived).toBe(164000);
    expect(w.familyPays).toBe(38000);
    expect(w.overallCap).toBeNull();
    expect(byItem(w, 'storage').rule).toBe('遗体冷藏按 80 元/天定额减免，最多 3 天；减免 3 天 × 80 元 = 240 元');
  });

  it('a death before any version: refused naming the date', () => {
    const err = appError(() => computeWaiverUnderScheme(DONGGUAN, { services, deceased: resident({ dateOfDeath: '2019-05-01' }), today: TODAY }));
    expect(err.fieldErrors['deceased.dateOfDeath']).toMatch(/^死亡日期 2019-05-01 没有生效的东莞市基本殡葬服务减免版本/);
  });

  it('the wrong version for the date of death is refused, not silently applied', () => {
    const err = appError(() => computeWaiver({ version: DONGGUAN.versions[1], services, deceased: resident({ dateOfDeath: '2025-08-31' }), today: TODAY }));
    expect(err.fieldErrors['deceased.dateOfDeath']).toBe(
      '死亡日期 2025-08-31 不在版本「2025 年方案」的生效期（2025-09-01 至 2030-12-31）内，应按死亡当日有效的版本减免',
    );
  });

  it('fixed: the standard amount whatever the line cost, never more than the bill', () => {
    const dg2025 = versionInForce(DONGGUAN, '2026-03-10');
    // 3 days billed 250 元: 3 × 80 = 240 元 waived, the family pays 10 元 — a standard, not the actual cost.
    const dear = computeWaiver({ version: dg2025, services: [line('storage', 3, 250)], deceased: resident(), today: TODAY });
    expect(dear.lines[0]).toMatchObject({ allowedQuantity: 3, waived: 24000, familyPays: 1000 });
    // 2 days billed 100 元: the standard 160 元 is more than the bill → 100 元.
    const cheap = computeWaiver({ version: dg2025, services: [line('storage', 2, 100)], deceased: resident(), today: TODAY });
    expect(cheap.lines[0].waived).toBe(10000);
    expect(cheap.lines[0].rule).toContain('实际费用 100 元低于定额 160 元，按实际费用减免');
  });
});

describe('eligibility as data', () => {
  const dg2025 = DONGGUAN.versions[1];
  const services = [line('cremation', 1, 450), line('urn', 1, 250)];

  it('东莞: a non-户籍 person who died elsewhere is refused with the reason; the family pays everything', () => {
    const w = computeWaiver({ version: dg2025, services, deceased: resident({ hukouInCity: false, diedInCity: false }), today: TODAY });
    expect(w.eligible).toBe(false);
    expect(w.refusals).toEqual([
      {
        code: 'residency',
        message:
          '不符合减免对象的户籍和地点条件：须为东莞户籍居民（在东莞或外地火化），或非东莞户籍、在东莞死亡并在东莞市殡仪馆火化的人员；本人非本市户籍、不在本市死亡、在本市殡仪馆火化',
      },
    ]);
    expect(w.totalWaived).toBe(0);
    expect(w.familyPays).toBe(70000);
    expect(w.lines.every((l) => l.waived === 0 && l.allowedQuantity === 0 && l.rule === '不符合减免条件，本项不予减免')).toBe(true);
    expectExactSums(w);
  });

  it('东莞: non-户籍 who died in 东莞 and were cremated at the city home qualify; 户籍 residents cremated elsewhere too', () => {
    const visitor = computeWaiver({ version: dg2025, services, deceased: resident({ hukouInCity: false }), today: TODAY });
    expect(visitor.eligible).toBe(true);
    expect(visitor.requiredProofs).toContain('死亡地在东莞的死亡证明');
    const elsewhere = computeWaiver({
      version: dg2025,
      services,
      deceased: resident({ diedInCity: false, crematedAtCityHome: false }),
      today: TODAY,
    });
    expect(elsewhere.eligible).toBe(true);
    expect(elsewhere.requiredProofs).toEqual(['死亡医学证明书（非正常死亡为公安机关出具的死亡证明）', '逝者居民身份证', '火化证明', '户口簿或居民身份证（东莞户籍）']);
    const notAtCityHome = computeWaiver({ version: dg2025, services, deceased: resident({ hukouInCity: false, crematedAtCityHome: false }), today: TODAY });
    expect(notAtCityHome.refusals[0].message).toContain('本人非本市户籍、在本市死亡、未在本市殡仪馆火化');
  });

  it('汕头龙湖: enterprise pensioners and public-sector staff are excluded', () => {
    const v = SHANTOU_LONGHU.versions[0];
    const w = computeWaiver({
      version: v,
      services: [line('cremation', 1, 350)],
      deceased: resident({ categoryId: 'resident', exclusionIds: ['enterprise-retiree'] }),
      today: TODAY,
    });
    expect(w.eligible).toBe(false);
    expect(w.refusals).toEqual([{ code: 'excluded', message: '属于不予减免的情形：企业退休人员（丧葬补助金由养老保险基金支付）' }]);
    expect(w.totalWaived).toBe(0);
  });

  it('广州 hardship scheme: someone in no category is refused, listing the categories; 低保 qualifies', () => {
    const v = GUANGZHOU.versions[0];
    const none = computeWaiver({ version: v, services: [line('cremation', 1, 300)], deceased: resident({ categoryId: null }), today: TODAY });
    expect(none.refusals[0]).toEqual({ code: 'no-category', message: '不属于减免对象类别（本版本的减免对象：五保对象、低保对象、优抚对象、三无人员、低收入困难家庭）' });
    const dibao = computeWaiver({ version: v, services: [line('storage', 4, 400)], deceased: resident({ categoryId: 'dibao' }), today: TODAY });
    expect(dibao.lines[0]).toMatchObject({ allowedQuantity: 4, waived: 24000 });
    expect(dibao.requiredProofs).toEqual(['死亡医学证明书（非正常死亡为公安机关出具的死亡证明）', '低保证']);
  });

  it('no second waiver for a person already waived elsewhere', () => {
    const w = computeWaiver({ version: dg2025, services, deceased: resident({ waivedElsewhere: '惠州市殡仪馆' }), today: TODAY });
    expect(w.refusals).toEqual([{ code: 'already-waived', message: '已在惠州市殡仪馆享受基本殡葬服务减免，不能重复减免' }]);
  });
});

describe('input errors are AppErrors with Chinese field messages', () => {
  const dg2025 = DONGGUAN.versions[1];
  const run = (services: ServiceLine[], deceased: DeceasedFacts = resident()) => appError(() => computeWaiver({ version: dg2025, services, deceased, today: TODAY }));

  it('a quantity must be a positive integer', () => {
    for (const bad of [0, -1, 2.5, Number.NaN, '3' as unknown as number]) {
      const err = run([line('cremation', 1, 400), { itemId: 'storage', quantity: bad, actualCost: 24000 }]);
      expect(err.code).toBe('VALIDATION');
      expect(err.fieldErrors['services.1.quantity']).toBe(`第 2 行（遗体冷藏）：数量必须是正整数，现为 ${String(bad)}`);
    }
  });

  it('a cost must be whole fen', () => {
    const err = run([{ itemId: 'cremation', quantity: 1, actualCost: 400.5 }]);
    expect(err.fieldErrors['services.0.actualCost']).toBe('第 1 行（普通炉火化）：实际费用以分为单位，必须是不小于 0 的整数，现为 400.5');
  });

  it('an item the version does not have; the same item twice; two alternatives (骨灰寄存 or 海葬/树葬)', () => {
    expect(run([line('coffin', 1, 800)]).fieldErrors['services.0.itemId']).toBe('第 1 行：减免项目「coffin」不在版本「2025 年方案」中');
    expect(run([line('storage', 1, 80), line('storage', 2, 160)]).fieldErrors['services.1.itemId']).toBe('第 2 行（遗体冷藏）：该项目已在第 1 行登记，请合并为一行');
    expect(run([line('ash-storage', 1, 100), line('eco-burial', 1, 500)]).fieldErrors['services.1.itemId']).toBe(
      '第 2 行（海葬或树葬）：与第 1 行（骨灰寄存）只能减免其一',
    );
  });

  it('several faults are reported together, the message counting the others', () => {
    const err = run([line('coffin', 1, 800), { itemId: 'urn', quantity: 0, actualCost: 1 }]);
    expect(Object.keys(err.fieldErrors)).toEqual(['services.0.itemId', 'services.1.quantity']);
    expect(err.message).toBe('第 1 行：减免项目「coffin」不在版本「2025 年方案」中（另有 1 处错误）');
  });

  it('an unknown category or exclusion is an input error, not a refusal', () => {
    expect(run([], resident({ categoryId: 'vip' })).fieldErrors['deceased.categoryId']).toBe('减免对象类别「vip」不在版本「2025 年方案」中');
    expect(run([], resident({ exclusionIds: ['army'] })).fieldErrors['deceased.exclusionIds.0']).toBe('不予减免情形「army」不在版本「2025 年方案」中');
  });

  it('a date of death in the future is refused', () => {
    const err = run([line('cremation', 1, 400)], resident({ dateOfDeath: '2026-03-16' }));
    expect(err.fieldErrors['deceased.dateOfDeath']).toBe('死亡日期 2026-03-16 晚于今天（2026-03-15），不能是将来的日期');
    // Today itself is fine.
    expect(computeWaiver({ version: dg2025, services: [], deceased: resident({ dateOfDeath: TODAY }), today: TODAY }).totalWaived).toBe(0);
  });

  it('a future date is reported as such even where no version covers it', () => {
    const err = appError(() => computeWaiverUnderScheme(DONGGUAN, { services: [], deceased: resident({ dateOfDeath: '2031-02-01' }), today: TODAY }));
    expect(err.fieldErrors['deceased.dateOfDeath']).toContain('晚于今天');
  });

  it('a date of death before birth, or not a real date, is refused', () => {
    expect(run([], resident({ birthDate: '2026-03-11' })).fieldErrors['deceased.dateOfDeath']).toBe('死亡日期 2026-03-10 早于出生日期 2026-03-11');
    expect(run([], resident({ dateOfDeath: '2026-02-30' })).fieldErrors['deceased.dateOfDeath']).toContain('2026-02-30 不是实际存在的日期');
    // An unidentified body has no birth date: nothing to compare.
    expect(computeWaiver({ version: dg2025, services: [], deceased: resident({ birthDate: null }), today: TODAY }).eligible).toBe(true);
  });
});

describe('shareCap: proportional reduction in whole fen', () => {
  it('ties go to the earlier line', () => {
    expect(shareCap([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(shareCap([100, 0, 300], 200)).toEqual([50, 0, 150]);
    expect(shareCap([500, 700], 2000)).toEqual([500, 700]);
  });

  it('always adds up to the cap exactly and never raises a line', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 500; run++) {
      const amounts = Array.from({ length: 1 + rand(9) }, () => rand(200_000));
      const total = amounts.reduce((s, a) => s + a, 0);
      const cap = rand(total + 1);
      const shares = shareCap(amounts, cap);
      expect(shares.reduce((s, a) => s + a, 0)).toBe(Math.min(cap, total));
      shares.forEach((s, i) => {
        expect(Number.isInteger(s)).toBe(true);
        expect(s).toBeLessThanOrEqual(amounts[i]);
        // Within one fen of the exact proportional share.
        if (total > cap) expect(Math.abs(s - (amounts[i] * cap) / total)).toBeLessThan(1);
      });
    }
  });
});
