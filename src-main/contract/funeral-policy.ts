import { z } from 'zod';
import { calendarDate, choice, intIn, labelled, pattern, text } from './fields';

/**
 * The fee-waiver policy of a city (惠民殡葬): who is eligible, which basic services are waived and up to
 * how much, and the related local rules (eco-burial subsidies, unclaimed bodies). Policies are data, not
 * code: each city writes its own and changes it every few years, and the administrator (or the
 * provincial platform) sends new versions. Everything that arrives from outside is parsed with these
 * schemas, so a malformed version is refused at the boundary with a Chinese message naming the field.
 */

export const ITEM_UNITS = ['次', '天', '年', '个'] as const;
export type ItemUnit = (typeof ITEM_UNITS)[number];

/** The usual basic services; a city may add its own items under other ids. */
export const STANDARD_ITEM_LABELS: Record<string, string> = {
  transport: '遗体接运',
  washing: '遗体清洗消毒',
  storage: '遗体冷藏',
  farewell: '告别厅',
  cremation: '遗体火化',
  urn: '骨灰盒',
  'ash-storage': '骨灰寄存',
  'eco-burial': '生态安葬',
};

export const REIMBURSE_MODES = ['actual', 'fixed'] as const;
export type ReimburseMode = (typeof REIMBURSE_MODES)[number];
export const REIMBURSE_MODE_LABELS: Record<ReimburseMode, string> = {
  actual: '按实际费用减免（不超过限额）',
  fixed: '按标准定额减免（单价 × 数量）',
};

export const BURIAL_TYPES = ['sea', 'tree', 'lawn', 'flower'] as const;
export type BurialType = (typeof BURIAL_TYPES)[number];
export const BURIAL_TYPE_LABELS: Record<BurialType, string> = { sea: '海葬', tree: '树葬', lawn: '草坪葬', flower: '花坛葬' };

export const SETTLEMENT_MODES = ['direct', 'claim', 'direct-or-claim'] as const;
export type SettlementMode = (typeof SETTLEMENT_MODES)[number];
export const SETTLEMENT_MODE_LABELS: Record<SettlementMode, string> = {
  direct: '殡仪馆结账时直接减免，按月与民政部门结算',
  claim: '家属先行支付，凭火化证明和费用清单申领',
  'direct-or-claim': '在本市殡仪馆火化的直接减免；在外地火化的凭火化证明和费用清单申领',
};

const policyId = (label: string) => pattern(label, /^[a-z0-9][a-z0-9-]{0,39}$/, '小写字母、数字或连字符，至多 40 位');

/** An amount of money in integer 分: never a float, never negative. */
export function fenAmount(label: string) {
  return labelled(
    label,
    z
      .number({ error: `${label}必须是数字（以分为单位）` })
      .int(`${label}以分为单位，必须是整数`)
      .min(0, `${label}不能为负数`)
      .max(100_000_000_00, `${label}超出合理范围`),
  );
}

const proofs = labelled('证明材料', z.array(text('证明材料', { max: 60 }), { error: '证明材料应为列表' }));

export const eligibilityCategorySchema = labelled(
  '减免对象类别',
  z.strictObject({
    id: policyId('类别编号'),
    label: text('类别名称', { max: 40 }),
    proofs,
  }),
);

/**
 * One way to qualify by residence and place of death/cremation; a version lists the ways and a person
 * qualifies through any one of them (东莞: 户籍 residents; or non-户籍 people who died in 东莞 and were
 * cremated at the city funeral home). A condition left out does not matter for that way.
 */
export const residencyRuleSchema = labelled(
  '户籍与地点条件',
  z
    .strictObject({
      id: policyId('条件编号'),
      label: text('条件说明', { max: 80 }),
      hukouInCity: labelled('本市户籍', z.boolean({ error: '本市户籍应为是或否' })).optional(),
      diedInCity: labelled('在本市死亡', z.boolean({ error: '在本市死亡应为是或否' })).optional(),
      crematedAtCityHome: labelled('在本市殡仪馆火化', z.boolean({ error: '在本市殡仪馆火化应为是或否' })).optional(),
      proofs,
    })
    .refine((r) => r.hukouInCity !== undefined || r.diedInCity !== undefined || r.crematedAtCityHome !== undefined, {
      error: '户籍与地点条件至少要规定一项（本市户籍、在本市死亡、在本市殡仪馆火化）',
    }),
);

/** People whose funeral expenses someone else already pays (机关事业单位人员, 企业退休人员…). */
export const exclusionSchema = labelled(
  '不予减免情形',
  z.strictObject({ id: policyId('情形编号'), label: text('情形说明', { max: 60 }) }),
);

export const waiverItemSchema = labelled(
  '减免项目',
  z
    .strictObject({
      id: policyId('项目编号'),
      label: text('项目名称', { max: 30 }),
      unit: choice('计量单位', ITEM_UNITS),
      /** Per unit: the standard amount ('fixed') or the ceiling per unit ('actual'); absent = actual cost, no per-unit ceiling. */
      unitPrice: fenAmount('单价').optional(),
      quantityCap: intIn('数量上限', 1, 3650),
      itemCap: fenAmount('本项上限').optional(),
      reimburse: choice('减免方式', REIMBURSE_MODES),
      /** Items in one group are alternatives: only one of them is waived per body (骨灰寄存 or 生态安葬). */
      exclusiveGroup: policyId('互斥组').optional(),
    })
    .refine((item) => item.reimburse !== 'fixed' || item.unitPrice !== undefined, {
      error: '按标准定额减免的项目必须填写单价',
      path: ['unitPrice'],
    }),
);

export const ecoBurialPolicySchema = labelled(
  '节地生态安葬奖补',
  z.strictObject({
    hukouOnly: labelled('仅限本市户籍', z.boolean({ error: '仅限本市户籍应为是或否' })),
    amounts: labelled(
      '奖补金额',
      z.strictObject({
        sea: fenAmount('海葬奖补').optional(),
        tree: fenAmount('树葬奖补').optional(),
        lawn: fenAmount('草坪葬奖补').optional(),
        flower: fenAmount('花坛葬奖补').optional(),
      }),
    ),
  }),
);

export const unclaimedPolicySchema = labelled(
  '无人认领遗体',
  z.strictObject({
    noticeDays: intIn('认尸公告期（天）', 1, 365),
    ashRetentionYears: intIn('骨灰保存期（年）', 1, 100),
    /** The year's target for clearing the stock held on 1 January (中山 2024: more than 50%). */
    annualDisposalTarget: labelled(
      '年度处置目标',
      z.strictObject({
        percent: intIn('处置目标比例（%）', 1, 100),
        /** true: more than the percentage (超过); false: at least (不低于). */
        exceed: labelled('须超过目标比例', z.boolean({ error: '须超过目标比例应为是或否' })),
      }).refine((t) => !(t.exceed && t.percent === 100), { error: '处置目标不能是“超过 100%”', path: ['percent'] }),
    ).optional(),
  }),
);

function duplicates(ids: string[]): Map<string, number> {
  const seen = new Map<string, number>();
  const dup = new Map<string, number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) dup.set(id, i);
    else seen.set(id, i);
  });
  return dup;
}

export const policyVersionSchema = labelled(
  '政策版本',
  z
    .strictObject({
      id: policyId('版本编号'),
      name: text('版本名称', { max: 40 }),
      source: text('政策依据', { max: 200 }).optional(),
      /** Inclusive, both ends. */
      effectiveFrom: calendarDate('生效日期'),
      effectiveTo: calendarDate('失效日期').optional(),
      categories: labelled('减免对象类别', z.array(eligibilityCategorySchema, { error: '减免对象类别应为列表' })),
      /** Empty: no condition on residence or place. */
      residency: labelled('户籍与地点条件', z.array(residencyRuleSchema, { error: '户籍与地点条件应为列表' })),
      exclusions: labelled('不予减免情形', z.array(exclusionSchema, { error: '不予减免情形应为列表' })),
      items: labelled('减免项目', z.array(waiverItemSchema, { error: '减免项目应为列表' })),
      /** Per body, over all items. */
      overallCap: fenAmount('每具遗体减免总额上限').optional(),
      ecoBurial: ecoBurialPolicySchema.optional(),
      unclaimed: unclaimedPolicySchema,
      settlement: choice('结算方式', SETTLEMENT_MODES),
    })
    .superRefine((v, ctx) => {
      if (v.effectiveTo !== undefined && v.effectiveTo < v.effectiveFrom) {
        ctx.addIssue({
          code: 'custom',
          path: ['effectiveTo'],
          message: `版本「${v.name}」的失效日期 ${v.effectiveTo} 早于生效日期 ${v.effectiveFrom}`,
        });
      }
      const lists = [
        ['categories', '减免对象类别', v.categories],
        ['residency', '户籍与地点条件', v.residency],
        ['exclusions', '不予减免情形', v.exclusions],
        ['items', '减免项目', v.items],
      ] as const;
      for (const [key, label, list] of lists) {
        for (const [id, index] of duplicates(list.map((e) => e.id))) {
          ctx.addIssue({ code: 'custom', path: [key, index, 'id'], message: `${label}编号「${id}」重复` });
        }
      }
    }),
);

export const policySchemeSchema = labelled(
  '殡葬减免方案',
  z.strictObject({
    id: policyId('方案编号'),
    city: text('城市', { max: 20 }),
    name: text('方案名称', { max: 60 }),
    versions: labelled('政策版本', z.array(policyVersionSchema, { error: '政策版本应为列表' }).min(1, '方案至少要有一个政策版本')),
  }),
);

export type EligibilityCategory = z.output<typeof eligibilityCategorySchema>;
export type ResidencyRule = z.output<typeof residencyRuleSchema>;
export type Exclusion = z.output<typeof exclusionSchema>;
export type WaiverItem = z.output<typeof waiverItemSchema>;
export type EcoBurialPolicy = z.output<typeof ecoBurialPolicySchema>;
export type UnclaimedPolicy = z.output<typeof unclaimedPolicySchema>;
export type PolicyVersion = z.output<typeof policyVersionSchema>;
export type PolicyScheme = z.output<typeof policySchemeSchema>;
