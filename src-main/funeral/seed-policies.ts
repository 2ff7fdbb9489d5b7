import { yuan } from './money';
import type { PolicyScheme, PolicyVersion, WaiverItem } from '../contract/funeral-policy';

/**
 * The city schemes described in shared/domain/funeral.md, as seed data and test fixtures. Figures the
 * sources give are used as given; everything else is marked ASSUMPTION — a plausible value for the
 * administrator to replace with the city's published one. Seeds are checked by parsePolicyScheme in the
 * unit tests, like any version the administrator or the platform sends.
 */

const DEATH_PROOF = '死亡医学证明书（非正常死亡为公安机关出具的死亡证明）';
const ID_PROOF = '逝者居民身份证';
const CREMATION_PROOF = '火化证明';

function item(id: string, label: string, unit: WaiverItem['unit'], rest: Omit<WaiverItem, 'id' | 'label' | 'unit'>): WaiverItem {
  return { id, label, unit, ...rest };
}

// ——— 东莞 ———————————————————————————————————————————————————————————————————————————————————————————

const DONGGUAN_RESIDENCY: PolicyVersion['residency'] = [
  { id: 'hukou', label: '东莞户籍居民（在东莞或外地火化）', hukouInCity: true, proofs: ['户口簿或居民身份证（东莞户籍）'] },
  {
    id: 'died-here',
    label: '非东莞户籍、在东莞死亡并在东莞市殡仪馆火化的人员',
    hukouInCity: false,
    diedInCity: true,
    crematedAtCityHome: true,
    proofs: ['死亡地在东莞的死亡证明'],
  },
];

const DONGGUAN_CATEGORIES: PolicyVersion['categories'] = [
  { id: 'all', label: '基本殡葬服务对象（不限身份）', proofs: [DEATH_PROOF, ID_PROOF, CREMATION_PROOF] },
];

// ASSUMPTION: the 15-day preservation period of 东府办〔2021〕16号 used as the notice period; ashes kept 3 years.
const DONGGUAN_UNCLAIMED: PolicyVersion['unclaimed'] = { noticeDays: 15, ashRetentionYears: 3 };

/** 2020 scheme: only its total cap (1,170 元) is known; the item list is ASSUMED to be the 2025 one, at actual cost. */
const dongguan2020: PolicyVersion = {
  id: 'dg-2020',
  name: '2020 年方案',
  source: '东莞市基本殡葬服务减免（2020 年）',
  effectiveFrom: '2020-01-01', // ASSUMPTION: start date not given
  effectiveTo: '2025-08-31', // closed the day before the 2025 plan
  categories: DONGGUAN_CATEGORIES,
  residency: DONGGUAN_RESIDENCY,
  exclusions: [],
  items: [
    item('transport', '遗体接运（市内）', '次', { quantityCap: 1, reimburse: 'actual' }),
    item('washing', '遗体清洗消毒', '次', { quantityCap: 1, reimburse: 'actual' }),
    item('storage', '遗体冷藏', '天', { quantityCap: 3, reimburse: 'actual' }),
    item('farewell', '小型告别厅', '次', { quantityCap: 1, reimburse: 'actual' }),
    item('cremation', '普通炉火化', '次', { quantityCap: 1, reimburse: 'actual' }),
    item('urn', '简易骨灰盒', '个', { quantityCap: 1, reimburse: 'actual' }),
    item('ash-storage', '骨灰寄存', '年', { quantityCap: 1, reimburse: 'actual', exclusiveGroup: 'ashes' }),
    item('eco-burial', '海葬或树葬', '次', { quantityCap: 1, reimburse: 'actual', exclusiveGroup: 'ashes' }),
  ],
  overallCap: yuan(1170),
  unclaimed: DONGGUAN_UNCLAIMED,
  settlement: 'direct-or-claim',
};

/**
 * 2025 plan (reported 2025-09, to 2030): seven items waived in full — transport within the city, ordinary
 * cremation, ash storage 1 year or sea/tree burial, washing and disinfection, storage up to 3 days, a
 * small farewell hall, a simple urn. Waived at the standard price of each basic service (ASSUMPTION: the
 * prices below; the plan sets the items, not the amounts in our source). No overall cap is given.
 */
const dongguan2025: PolicyVersion = {
  id: 'dg-2025',
  name: '2025 年方案',
  source: '东莞市惠民殡葬实施方案（2025—2030 年）',
  effectiveFrom: '2025-09-01', // ASSUMPTION: reported 2025-09; exact start date to be confirmed
  effectiveTo: '2030-12-31',
  categories: DONGGUAN_CATEGORIES,
  residency: DONGGUAN_RESIDENCY,
  exclusions: [],
  items: [
    item('transport', '遗体接运（市内）', '次', { unitPrice: yuan(300), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION: price
    item('washing', '遗体清洗消毒', '次', { unitPrice: yuan(100), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION: price
    item('storage', '遗体冷藏', '天', { unitPrice: yuan(80), quantityCap: 3, reimburse: 'fixed' }), // ASSUMPTION: price
    item('farewell', '小型告别厅', '次', { unitPrice: yuan(300), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION: price
    item('cremation', '普通炉火化', '次', { unitPrice: yuan(400), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION: price
    item('urn', '简易骨灰盒', '个', { unitPrice: yuan(200), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION: price
    item('ash-storage', '骨灰寄存', '年', { unitPrice: yuan(100), quantityCap: 1, reimburse: 'fixed', exclusiveGroup: 'ashes' }), // ASSUMPTION: price
    item('eco-burial', '海葬或树葬', '次', { unitPrice: yuan(500), quantityCap: 1, reimburse: 'fixed', exclusiveGroup: 'ashes' }), // ASSUMPTION: price
  ],
  unclaimed: DONGGUAN_UNCLAIMED,
  settlement: 'direct-or-claim',
};

export const DONGGUAN: PolicyScheme = {
  id: 'dongguan',
  city: '东莞',
  name: '东莞市基本殡葬服务减免',
  versions: [dongguan2020, dongguan2025],
};

// ——— 惠州 ———————————————————————————————————————————————————————————————————————————————————————————

/** From 2025-06-01: 8 items at actual cost, up to 1,780 元 per body. The item list and caps are ASSUMED. */
export const HUIZHOU: PolicyScheme = {
  id: 'huizhou',
  city: '惠州',
  name: '惠州市基本殡葬服务减免',
  versions: [
    {
      id: 'hz-2025',
      name: '2025 年方案',
      effectiveFrom: '2025-06-01',
      categories: [{ id: 'all', label: '基本殡葬服务对象（不限身份）', proofs: [DEATH_PROOF, ID_PROOF, CREMATION_PROOF] }],
      // ASSUMPTION: eligibility is not in our source; cremation at a 惠州 funeral home is taken as the condition.
      residency: [{ id: 'cremated-here', label: '在惠州市殡仪馆火化的人员', crematedAtCityHome: true, proofs: [] }],
      exclusions: [],
      items: [
        // ASSUMPTION: the eight items and their quantity caps; the amounts are actual cost under the overall cap.
        item('transport', '遗体接运', '次', { quantityCap: 1, reimburse: 'actual' }),
        item('washing', '遗体清洗消毒', '次', { quantityCap: 1, reimburse: 'actual' }),
        item('storage', '遗体冷藏', '天', { quantityCap: 3, reimburse: 'actual' }),
        item('farewell', '告别厅', '次', { quantityCap: 1, reimburse: 'actual' }),
        item('cremation', '遗体火化', '次', { quantityCap: 1, reimburse: 'actual' }),
        item('urn', '骨灰盒', '个', { quantityCap: 1, reimburse: 'actual' }),
        item('ash-storage', '骨灰寄存', '年', { quantityCap: 1, reimburse: 'actual' }),
        item('eco-burial', '生态安葬', '次', { quantityCap: 1, reimburse: 'actual' }),
      ],
      overallCap: yuan(1780),
      unclaimed: { noticeDays: 15, ashRetentionYears: 3 }, // notice 15 days (惠府办〔2023〕2号); ASSUMPTION: 3 years
      settlement: 'direct', // ASSUMPTION
    },
  ],
};

// ——— 湛江 / 雷州 ————————————————————————————————————————————————————————————————————————————————————

/** Per-item caps — transport ≤ 480; storage 80/day × 3; cremation 250; ash storage 50/year × 2 — total ≤ 1,540. */
export const LEIZHOU: PolicyScheme = {
  id: 'leizhou',
  city: '雷州',
  name: '雷州市基本殡葬服务减免',
  versions: [
    {
      id: 'lz-2024',
      name: '现行方案',
      effectiveFrom: '2024-01-01', // ASSUMPTION: start date not given
      categories: [{ id: 'all', label: '基本殡葬服务对象（不限身份）', proofs: [DEATH_PROOF, ID_PROOF, CREMATION_PROOF] }],
      // ASSUMPTION: eligibility not given; 户籍 residents or people who died in the city.
      residency: [
        { id: 'hukou', label: '本市户籍居民', hukouInCity: true, proofs: ['户口簿或居民身份证'] },
        { id: 'died-here', label: '在本市死亡的人员', diedInCity: true, proofs: [] },
      ],
      exclusions: [],
      items: [
        item('transport', '遗体接运', '次', { quantityCap: 1, itemCap: yuan(480), reimburse: 'actual' }),
        item('storage', '遗体冷藏', '天', { unitPrice: yuan(80), quantityCap: 3, reimburse: 'actual' }),
        item('cremation', '遗体火化', '次', { unitPrice: yuan(250), quantityCap: 1, reimburse: 'actual' }),
        item('ash-storage', '骨灰寄存', '年', { unitPrice: yuan(50), quantityCap: 2, reimburse: 'actual' }),
        // ASSUMPTION: the items below make up the rest of the 1,540 元 total; their caps are not in our source.
        item('washing', '遗体清洗消毒', '次', { unitPrice: yuan(120), quantityCap: 1, reimburse: 'actual' }),
        item('urn', '骨灰盒', '个', { unitPrice: yuan(200), quantityCap: 1, reimburse: 'actual' }),
        item('farewell', '告别厅', '次', { unitPrice: yuan(200), quantityCap: 1, reimburse: 'actual' }),
      ],
      overallCap: yuan(1540),
      unclaimed: { noticeDays: 15, ashRetentionYears: 3 }, // ASSUMPTION
      settlement: 'direct', // ASSUMPTION
    },
  ],
};

// ——— 汕头龙湖 ———————————————————————————————————————————————————————————————————————————————————————

/** Known for its exclusions: people whose employer or pension already pays funeral expenses. Items ASSUMED. */
export const SHANTOU_LONGHU: PolicyScheme = {
  id: 'shantou-longhu',
  city: '汕头市龙湖区',
  name: '龙湖区基本殡葬服务减免',
  versions: [
    {
      id: 'lh-2024',
      name: '现行方案',
      effectiveFrom: '2024-01-01', // ASSUMPTION
      categories: [{ id: 'resident', label: '龙湖区户籍居民', proofs: [DEATH_PROOF, '户口簿', CREMATION_PROOF] }],
      residency: [{ id: 'hukou', label: '龙湖区户籍居民', hukouInCity: true, proofs: [] }],
      exclusions: [
        { id: 'public-sector', label: '机关事业单位人员（丧葬费由单位支付）' },
        { id: 'enterprise-retiree', label: '企业退休人员（丧葬补助金由养老保险基金支付）' },
      ],
      items: [
        item('transport', '遗体接运', '次', { unitPrice: yuan(300), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION
        item('storage', '遗体冷藏', '天', { unitPrice: yuan(80), quantityCap: 3, reimburse: 'fixed' }), // ASSUMPTION
        item('cremation', '遗体火化', '次', { unitPrice: yuan(350), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION
        item('urn', '骨灰盒', '个', { unitPrice: yuan(150), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION
      ],
      unclaimed: { noticeDays: 15, ashRetentionYears: 3 }, // ASSUMPTION
      settlement: 'direct', // ASSUMPTION
    },
  ],
};

// ——— 广州 ———————————————————————————————————————————————————————————————————————————————————————————

/**
 * Hardship scheme (as reported 2014): 五保, 低保, 优抚对象, 三无人员, low-income families; eight items with
 * refrigeration up to 4 days and ash storage up to 10 years (prices ASSUMED). Eco-burial: 2,000 元 for
 * 户籍 deceased who died on or after 2013-01-01 — which is why the version starts then (ASSUMPTION that
 * the hardship scheme was already in force).
 */
export const GUANGZHOU: PolicyScheme = {
  id: 'guangzhou',
  city: '广州',
  name: '广州市困难群众基本殡葬服务减免',
  versions: [
    {
      id: 'gz-2013',
      name: '现行方案',
      effectiveFrom: '2013-01-01',
      categories: [
        { id: 'wubao', label: '五保对象', proofs: [DEATH_PROOF, '五保供养证'] },
        { id: 'dibao', label: '低保对象', proofs: [DEATH_PROOF, '低保证'] },
        { id: 'youfu', label: '优抚对象', proofs: [DEATH_PROOF, '优抚证'] },
        { id: 'sanwu', label: '三无人员', proofs: [DEATH_PROOF, '民政部门出具的三无人员证明'] },
        { id: 'low-income', label: '低收入困难家庭', proofs: [DEATH_PROOF, '低收入困难家庭证明'] },
      ],
      residency: [],
      exclusions: [],
      items: [
        item('transport', '遗体接运', '次', { unitPrice: yuan(300), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION: price
        item('washing', '遗体清洗消毒', '次', { unitPrice: yuan(100), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION: price
        item('storage', '遗体冷藏', '天', { unitPrice: yuan(60), quantityCap: 4, reimburse: 'fixed' }), // ASSUMPTION: price
        item('farewell', '告别厅', '次', { unitPrice: yuan(200), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION: price
        item('cremation', '遗体火化', '次', { unitPrice: yuan(300), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION: price
        item('urn', '骨灰盒', '个', { unitPrice: yuan(150), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION: price
        item('ash-storage', '骨灰寄存', '年', { unitPrice: yuan(50), quantityCap: 10, reimburse: 'fixed' }), // ASSUMPTION: price
        item('body-bag', '殓尸袋', '个', { unitPrice: yuan(50), quantityCap: 1, reimburse: 'fixed' }), // ASSUMPTION: the eighth item
      ],
      ecoBurial: { hukouOnly: true, amounts: { sea: yuan(2000), tree: yuan(2000), lawn: yuan(2000), flower: yuan(2000) } },
      unclaimed: { noticeDays: 60, ashRetentionYears: 3 }, // notice 60 days (as reported 2014); ASSUMPTION: 3 years
      settlement: 'direct', // ASSUMPTION
    },
  ],
};

// ——— 深圳, 中山: eco-burial subsidies only ——————————————————————————————————————————————————————————

export const SHENZHEN: PolicyScheme = {
  id: 'shenzhen',
  city: '深圳',
  name: '深圳市节地生态安葬奖补',
  versions: [
    {
      id: 'sz-2018',
      name: '深民规〔2018〕1号',
      source: '深民规〔2018〕1号',
      effectiveFrom: '2018-01-01', // ASSUMPTION: start date not given
      categories: [],
      residency: [],
      exclusions: [],
      items: [],
      // Sea burial 3,000 元; other eco-burials 1,000 元. ASSUMPTION: not restricted to 户籍.
      ecoBurial: { hukouOnly: false, amounts: { sea: yuan(3000), tree: yuan(1000), lawn: yuan(1000), flower: yuan(1000) } },
      unclaimed: { noticeDays: 15, ashRetentionYears: 3 }, // ASSUMPTION
      settlement: 'claim',
    },
  ],
};

export const ZHONGSHAN: PolicyScheme = {
  id: 'zhongshan',
  city: '中山',
  name: '中山市节地生态安葬奖补',
  versions: [
    {
      id: 'zs-2024',
      name: '现行方案',
      effectiveFrom: '2024-01-01', // ASSUMPTION
      categories: [],
      residency: [],
      exclusions: [],
      items: [],
      // Sea burial 1,000 元; tree or lawn burial 600 元; 户籍 only (weak source). Flower-bed burial not covered.
      ecoBurial: { hukouOnly: true, amounts: { sea: yuan(1000), tree: yuan(600), lawn: yuan(600) } },
      // 2024 plan: dispose of more than 50% of the unclaimed stock within the year. ASSUMPTION: notice and retention.
      unclaimed: { noticeDays: 15, ashRetentionYears: 3, annualDisposalTarget: { percent: 50, exceed: true } },
      settlement: 'claim',
    },
  ],
};

export const SEED_POLICY_SCHEMES: readonly PolicyScheme[] = [DONGGUAN, HUIZHOU, LEIZHOU, SHANTOU_LONGHU, GUANGZHOU, SHENZHEN, ZHONGSHAN];
