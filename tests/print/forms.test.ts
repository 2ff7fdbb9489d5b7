import { beforeAll, describe, expect, it } from 'vitest';
import type { FontChain } from '../../src-main/print/fonts';
import { renderPdf } from '../../src-main/print/render';
import { dataSchema, isCertificate, type Field, type Template } from '../../src-main/print/template';
import { wideLength } from '../../src-main/print/templates/a4-form';
import { DECLARATION_TEXT, REMEDY_TEXT } from '../../src-main/print/templates/marriage-forms';
import { templateById, TEMPLATES } from '../../src-main/print/templates';
import { PT_PER_MM } from '../../src-main/print/units';
import { BLOCKS_NAME, fieldBoxes, MINORITY_NAME, rejection, shippedChain } from './fixtures';
import { boxPx, inkCount, pageCount, pdfText, rasterize, squash, type BoxMm, type Gray } from './raster';

/**
 * The six A4 counter documents: each renders on one A4 page with its data where its boxes are,
 * nothing printed outside them, long and rare names shrinking to fit, and missing data named.
 */

const IDS = ['marriage-declaration', 'marriage-review', 'marriage-refusal-notice', 'divorce-receipt', 'divorce-withdrawal', 'marriage-record-certificate'] as const;
type Id = (typeof IDS)[number];

const DPI = 100;
/** Slack around a field’s box (mm) within which its ink may fall: glyphs stay within their em box. */
const OUTSIDE_PAD = 0.3;
const SHORT_MINORITY = '阿依古丽·买买提';
const RARE = '王𠮷';
/** 50 characters, the longest name the contract takes, all one em wide: rare ones from Ext A to H among them. */
const NAME_50 = Array.from({ length: 50 }, (_, i) => [...`${BLOCKS_NAME}阿依古丽买买提`][i % 16]).join('');
/** 50 characters with the · separators of a minority name. */
const NAME_50_DOTS = `${MINORITY_NAME}·${MINORITY_NAME.slice(0, 24)}`;

const parties = {
  party1Name: RARE,
  party1Sex: '男',
  party1BirthDate: '1990年01月02日',
  party1Nationality: '中国',
  party1DocumentType: '居民身份证',
  party1IdNumber: '11010119900102123X',
  party2Name: SHORT_MINORITY,
  party2Sex: '女',
  party2BirthDate: '1992年03月04日',
  party2Nationality: '中国',
  party2DocumentType: '居民身份证',
  party2IdNumber: '650102199203041248',
};

const REASON = '经查询全国婚姻登记信息系统，一方王𠮷现有登记在册的婚姻关系，尚未解除，属于有配偶的情形。';
const CHECKS = '年龄：双方均达到法定婚龄；\n婚姻状况：双方声明未婚，本机关无登记记录；\n身份证件：经读卡核验，真实有效；\n自愿：双方当面表示自愿结婚。';

function sample(id: Id): Record<string, unknown> {
  switch (id) {
    case 'marriage-declaration':
      return { ...parties, office: '北京市东城区民政局婚姻登记处' };
    case 'marriage-review':
      return {
        ...parties,
        applicationDate: '2026-11-24',
        checks: CHECKS,
        decision: '符合结婚条件，准予登记。',
        certificateNumber: 'J110101-2026-000321',
        registrar: '李登记',
        office: '北京市东城区民政局',
      };
    case 'marriage-refusal-notice':
      return {
        noticeNumber: '东民婚不〔2026〕第12号',
        party1Name: RARE,
        party2Name: SHORT_MINORITY,
        applicationDate: '2026-11-24',
        reason: REASON,
        legalBasis: '《中华人民共和国民法典》第一千零四十二条第二款。',
        office: '北京市东城区民政局',
        decisionDate: '2026-11-25',
      };
    case 'divorce-receipt':
      return {
        applicationNumber: 'LS110101-2026-000088',
        party1Name: RARE,
        party1IdNumber: '11010119900102123X',
        party2Name: SHORT_MINORITY,
        party2IdNumber: '650102199203041248',
        marriageCertificateNumber: 'J110101-2018-000321',
        receivedOn: '2026-09-21',
        coolingOffEnds: '2026-10-21',
        certificateDeadline: '2026-11-20',
        office: '北京市东城区民政局',
      };
    case 'divorce-withdrawal':
      return {
        applicationNumber: 'LS110101-2026-000088',
        withdrawingPartyName: SHORT_MINORITY,
        withdrawingPartyIdNumber: '650102199203041248',
        otherPartyName: RARE,
        marriageCertificateNumber: 'J110101-2018-000321',
        receivedOn: '2026-09-21',
        withdrawnOn: '2026-10-08',
        office: '北京市东城区民政局',
      };
    case 'marriage-record-certificate':
      return {
        number: '东民婚证〔2026〕第0031号',
        name: SHORT_MINORITY,
        sex: '女',
        idNumber: '650102199203041248',
        records: [
          { type: '结婚', date: '2012年05月20日', certificateNumber: 'J110101-2012-000123', spouse: '张伟' },
          { type: '离婚', date: '2016年08月01日', certificateNumber: 'L110101-2016-000045', spouse: '张伟' },
          { type: '补发结婚证', date: '2023年03月15日', certificateNumber: 'BJ110101-2023-000007', spouse: RARE },
        ],
        purpose: '办理房产登记',
        issuedOn: '2026-11-24',
        office: '北京市东城区民政局',
      };
  }
}

/** Every data key of a template whose value is a person's name. */
function nameKeys(t: Template): string[] {
  return t.fields.flatMap((f) => ((f.kind === 'text' || f.kind === 'multiline') && /(^n|N)ame$/.test(f.key) ? [f.key] : []));
}

/** Where a table field prints: its header and every possible row. */
function tableBoxes(t: Template, pad: number): Array<{ name: string; box: BoxMm }> {
  return t.fields.flatMap((f) => {
    if (f.kind !== 'table') return [];
    const width = f.columns.reduce((s, c) => s + c.width, 0);
    return [{ name: f.label, box: { x: f.x - pad, y: f.y - pad, width: width + 2 * pad, height: (f.maxRows + 1) * f.rowHeight + 2 * pad } }];
  });
}

function allBoxes(t: Template, pad: number): Array<{ name: string; box: BoxMm }> {
  return [...fieldBoxes(t, pad), ...tableBoxes(t, pad)];
}

/** Pixels inked on `page` but not on `blank` inside a box (or, with `outside`, everywhere but the boxes). */
function addedInk(page: Gray, blank: Gray, boxes: BoxMm[], outside = false): number {
  const px = boxes.map((b) => boxPx(page, b));
  const inside = (x: number, y: number): boolean => px.some((b) => x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height);
  let n = 0;
  if (outside) {
    for (let y = 0; y < page.height; y++) {
      for (let x = 0; x < page.width; x++) {
        const i = y * page.width + x;
        if ((page.data[i] < 128) !== (blank.data[i] < 128) && !inside(x, y)) n++;
      }
    }
    return n;
  }
  for (const b of px) {
    for (let y = b.y; y < b.y + b.height; y++) {
      for (let x = b.x; x < b.x + b.width; x++) {
        const i = y * page.width + x;
        if (page.data[i] < 128 && blank.data[i] >= 128) n++;
      }
    }
  }
  return n;
}

let chain: FontChain;
const blanks = new Map<string, Gray>();

beforeAll(() => {
  chain = shippedChain();
});

const render = (t: Template, data: unknown): Promise<Uint8Array> => renderPdf(t, data, { fonts: chain });

/** The template's own printing (title, labels, rules) without any data. */
async function blankPage(t: Template): Promise<Gray> {
  let page = blanks.get(t.id);
  if (!page) {
    [page] = rasterize(await render({ ...t, fields: [] }, {}), DPI);
    blanks.set(t.id, page);
  }
  return page;
}

async function check(t: Template, data: Record<string, unknown>): Promise<{ pdf: Uint8Array; page: Gray; text: string }> {
  const pdf = await render(t, data);
  const pages = rasterize(pdf, DPI);
  expect(pages, 'one page').toHaveLength(1);
  return { pdf, page: pages[0], text: squash(pdfText(pdf)) };
}

describe('the six forms are registered as A4 documents', () => {
  it.each(IDS)('%s: A4, listed, not a certificate (no QR code), no data key twice', (id) => {
    const t = templateById(id);
    expect(TEMPLATES.get(id)).toBe(t);
    expect(t.id).toBe(id);
    expect(t.kind).toBe('a4');
    expect(t.page).toEqual({ width: 210, height: 297 });
    expect(t.listed).not.toBe(false);
    expect(t.booklet).toBeUndefined();
    expect(isCertificate(t)).toBe(false);
    expect(t.fields.some((f) => f.kind === 'qr')).toBe(false);
    const keys = t.fields.flatMap((f) => ('key' in f ? [f.key] : []));
    expect(new Set(keys).size, 'each key prints once (the generic form shows one input per field)').toBe(keys.length);
    expect(t.decorations.some((d) => d.kind === 'rect')).toBe(true);
    expect(t.decorations.some((d) => d.kind === 'label' && d.size >= 18), 'a printed title').toBe(true);
  });

  it('the data keys are exactly the agreed ones', () => {
    const keys = (id: Id): Record<string, boolean> =>
      Object.fromEntries(templateById(id).fields.flatMap((f) => ('key' in f ? [[f.key, Boolean(f.optional)]] : [])));
    const party = (n: number): Record<string, boolean> =>
      Object.fromEntries(['Name', 'Sex', 'BirthDate', 'Nationality', 'DocumentType', 'IdNumber'].map((k) => [`party${n}${k}`, false]));
    expect(keys('marriage-declaration')).toEqual({ ...party(1), ...party(2), office: false });
    expect(keys('marriage-review')).toEqual({
      ...party(1),
      ...party(2),
      applicationDate: false,
      checks: false,
      decision: false,
      certificateNumber: true,
      registrar: false,
      office: false,
    });
    expect(keys('marriage-refusal-notice')).toEqual({
      noticeNumber: false,
      party1Name: false,
      party2Name: false,
      applicationDate: false,
      reason: false,
      legalBasis: true,
      office: false,
      decisionDate: false,
    });
    expect(keys('divorce-receipt')).toEqual(
      Object.fromEntries(
        ['applicationNumber', 'party1Name', 'party1IdNumber', 'party2Name', 'party2IdNumber', 'marriageCertificateNumber', 'receivedOn', 'coolingOffEnds', 'certificateDeadline', 'office'].map((k) => [k, false]),
      ),
    );
    expect(keys('divorce-withdrawal')).toEqual(
      Object.fromEntries(
        ['applicationNumber', 'withdrawingPartyName', 'withdrawingPartyIdNumber', 'otherPartyName', 'marriageCertificateNumber', 'receivedOn', 'withdrawnOn', 'office'].map((k) => [k, false]),
      ),
    );
    expect(keys('marriage-record-certificate')).toEqual({ number: false, name: false, sex: false, idNumber: false, records: false, purpose: true, issuedOn: false, office: false });
    // Dates the caller computes (the divorce periods, from `civreg dates divorce`) are YYYY-MM-DD date fields.
    for (const [id, key] of [
      ['divorce-receipt', 'receivedOn'],
      ['divorce-receipt', 'coolingOffEnds'],
      ['divorce-receipt', 'certificateDeadline'],
      ['divorce-withdrawal', 'withdrawnOn'],
      ['marriage-refusal-notice', 'decisionDate'],
      ['marriage-review', 'applicationDate'],
      ['marriage-record-certificate', 'issuedOn'],
    ] as const) {
      expect(templateById(id).fields.find((f) => 'key' in f && f.key === key)?.kind, `${id}.${key}`).toBe('date');
    }
  });
});

describe('layout: nothing overlaps, everything on the page', () => {
  /** The mm box a fixed label occupies (its text is full-width: one em per character). */
  function labelBoxes(t: Template): Array<{ text: string; box: BoxMm }> {
    return t.decorations.flatMap((d) => {
      if (d.kind !== 'label') return [];
      const w = (wideLength(d.text) * d.size) / PT_PER_MM;
      const x = d.width && d.align === 'center' ? d.x + (d.width - w) / 2 : d.width && d.align === 'right' ? d.x + d.width - w : d.x;
      return [{ text: d.text, box: { x, y: d.y, width: w, height: d.size / PT_PER_MM } }];
    });
  }
  /** Boxes that share more than a hair (boxes laid edge to edge meet, not overlap). */
  const overlap = (a: BoxMm, b: BoxMm, e = 0.01): boolean =>
    a.x + e < b.x + b.width && b.x + e < a.x + a.width && a.y + e < b.y + b.height && b.y + e < a.y + a.height;

  it.each(IDS)('%s: no field box overlaps a label or another field; all within 12 mm of the edges', (id) => {
    const t = templateById(id);
    const fields = allBoxes(t, 0);
    const labels = labelBoxes(t);
    expect(fields.length).toBeGreaterThan(5);
    const clashes: string[] = [];
    for (const f of fields) {
      for (const l of labels) if (overlap(f.box, l.box)) clashes.push(`${f.name} × “${l.text}”`);
    }
    for (let i = 0; i < fields.length; i++) {
      for (let j = i + 1; j < fields.length; j++) if (overlap(fields[i].box, fields[j].box)) clashes.push(`${fields[i].name} × ${fields[j].name}`);
    }
    expect(clashes).toEqual([]);
    for (const { name, box } of [...fields.map((f) => ({ name: f.name, box: f.box })), ...labels.map((l) => ({ name: l.text, box: l.box }))]) {
      expect(box.x, name).toBeGreaterThanOrEqual(12);
      expect(box.y, name).toBeGreaterThanOrEqual(12);
      expect(box.x + box.width, name).toBeLessThanOrEqual(198);
      expect(box.y + box.height, name).toBeLessThanOrEqual(285);
    }
  });
});

describe.each(IDS)('%s', (id) => {
  const t = templateById(id);

  it('renders the data inside its boxes on one A4 page, nothing outside them', async () => {
    const { pdf, page } = await check(t, sample(id));
    expect(pageCount(pdf)).toBe(1);
    expect(page.width / page.pxPerMm).toBeCloseTo(210, 0);
    expect(page.height / page.pxPerMm).toBeCloseTo(297, 0);
    const blank = await blankPage(t);
    const boxes = allBoxes(t, 0.5);
    expect(boxes.length).toBe(t.fields.reduce((n, f) => n + (f.kind === 'date' ? 3 : 1), 0));
    for (const { name, box } of boxes) expect(addedInk(page, blank, [box]), `ink of “${name}” in its box`).toBeGreaterThan(15);
    // Every pixel the data adds is inside a field's box (OUTSIDE_PAD of slack).
    expect(addedInk(page, blank, allBoxes(t, OUTSIDE_PAD).map((b) => b.box), true)).toBe(0);
    // The fixed printing is on the page too: title, labels and rules.
    expect(inkCount(blank)).toBeGreaterThan(5000);
  });

  it('a missing or empty required field: VALIDATION naming it in Chinese', async () => {
    const required = t.fields.filter((f): f is Exclude<Field, { kind: 'qr' }> => f.kind !== 'qr' && !f.optional);
    expect(required.length).toBeGreaterThan(3);
    for (const f of required) {
      const data = sample(id);
      delete data[f.key];
      const err = await rejection(render(t, data));
      expect(err.code, f.key).toBe('VALIDATION');
      expect(Object.keys(err.fieldErrors), f.key).toEqual([f.key]);
      expect(err.fieldErrors[f.key]).toContain(`缺少字段“${f.label}”`);
      expect(err.message).toContain(f.label);
    }
    const first = required.find((f) => f.kind === 'text')!;
    const err = await rejection(render(t, { ...sample(id), [first.key]: '' }));
    expect(err.fieldErrors[first.key]).toContain('不能为空');
  });

  it('optional fields may be left out; an unknown key is refused', async () => {
    const data = sample(id);
    for (const f of t.fields) if ('key' in f && f.optional) delete data[f.key];
    expect(pageCount(await render(t, data))).toBe(1);
    expect(Object.keys((await rejection(render(t, { ...sample(id), remarks: '无' }))).fieldErrors)).toEqual(['remarks']);
  });

  it('50-character names (rare characters, · separators) shrink to fit their boxes; longer ones are refused, named', async () => {
    const keys = nameKeys(t);
    expect(keys.length).toBeGreaterThanOrEqual(1);
    const blank = await blankPage(t);
    for (const long of [NAME_50, NAME_50_DOTS]) {
      expect([...long]).toHaveLength(50);
      const data = sample(id);
      for (const k of keys) data[k] = long;
      if (id === 'marriage-record-certificate') (data.records as Array<Record<string, string>>)[0].spouse = long;
      const { page, text } = await check(t, data);
      expect(text).toContain(long);
      expect(addedInk(page, blank, allBoxes(t, OUTSIDE_PAD).map((b) => b.box), true), 'ink outside the boxes').toBe(0);
    }
    const k = keys[0];
    const label = (t.fields.find((f) => 'key' in f && f.key === k) as { label: string }).label;
    const err = await rejection(render(t, { ...sample(id), [k]: '张'.repeat(120) }));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain(`“${label}”过长`);
  });
});

describe('what each form says', () => {
  it('申请结婚登记声明书: both parties’ particulars, the declaration once per party, signature, fingerprint and date blanks', async () => {
    const { text } = await check(templateById('marriage-declaration'), sample('marriage-declaration'));
    expect(text).toContain('申请结婚登记声明书');
    for (const v of [RARE, SHORT_MINORITY, '11010119900102123X', '650102199203041248', '1990年01月02日', '1992年03月04日', '居民身份证', '北京市东城区民政局婚姻登记处']) expect(text).toContain(v);
    // Each party's copy of the declaration (the side header 一方 / 另一方 may come out between its lines).
    const strip = (s: string): string => s.replace(/[一方另]/g, '');
    expect(strip(text).split(strip(DECLARATION_TEXT)).length - 1).toBe(2);
    expect(text.match(/声明人签名/g)).toHaveLength(2);
    expect(text.match(/指纹/g)!.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('监誓婚姻登记员签名');
  });

  it('婚姻登记审查处理表: application date as 年月日, the checks and the decision', async () => {
    const { text } = await check(templateById('marriage-review'), sample('marriage-review'));
    expect(text).toContain('婚姻登记审查处理表');
    expect(text).toContain('（结婚登记）');
    expect(text).toContain('2026年11月24日');
    expect(text).toContain(squash(CHECKS).slice(0, 20));
    expect(text).toContain('符合结婚条件，准予登记。');
    for (const v of ['J110101-2026-000321', '李登记', RARE, SHORT_MINORITY]) expect(text).toContain(v);
  });

  it('不予办理结婚登记告知书: the reason, the remedies (60 days, 6 months), seal and decision date', async () => {
    const { text } = await check(templateById('marriage-refusal-notice'), sample('marriage-refusal-notice'));
    expect(text).toContain('不予办理结婚登记告知书');
    expect(text).toContain(REASON);
    expect(text).toContain('第一千零四十二条第二款');
    expect(text).toContain('你们于2026年11月24日向本机关申请办理结婚登记');
    expect(text).toContain(squash(REMEDY_TEXT));
    expect(text).toMatch(/六十日内.*行政复议.*六个月内.*行政诉讼/);
    expect(text).toContain('登记机关（印章）北京市东城区民政局2026年11月25日');
    expect(text).toContain('东民婚不〔2026〕第12号');
  });

  it('离婚登记申请受理回执单: the receipt date and both period ends printed in the text', async () => {
    const { text } = await check(templateById('divorce-receipt'), sample('divorce-receipt'));
    expect(text).toContain('离婚登记申请受理回执单');
    expect(text).toContain('本机关已于2026年9月21日受理');
    expect(text).toContain('自受理之日起三十日内（至2026年10月21日止），任何一方不愿意离婚的');
    expect(text).toContain('至2026年11月20日止），双方应当持');
    expect(text).toContain('未申请的，视为撤回离婚登记申请');
    for (const v of ['LS110101-2026-000088', 'J110101-2018-000321', RARE, SHORT_MINORITY, '11010119900102123X']) expect(text).toContain(v);
    // The dates are data, not template text: other dates print other days.
    const other = await check(templateById('divorce-receipt'), { ...sample('divorce-receipt'), coolingOffEnds: '2027-02-18', certificateDeadline: '2027-03-22' });
    expect(other.text).toContain('（至2027年2月18日止）');
    expect(other.text).toContain('至2027年3月22日止）');
    expect(other.text).not.toContain('2026年10月21日');
  });

  it('撤回离婚登记申请确认单: who withdrew, when received and withdrawn', async () => {
    const { text } = await check(templateById('divorce-withdrawal'), sample('divorce-withdrawal'));
    expect(text).toContain('撤回离婚登记申请确认单');
    expect(text).toContain('撤回申请人于2026年10月8日向本机关申请撤回本机关于2026年9月21日受理的上述当事人离婚登记申请');
    expect(text).toContain('本机关终止该离婚登记程序');
    for (const v of ['LS110101-2026-000088', 'J110101-2018-000321', RARE, SHORT_MINORITY, '650102199203041248']) expect(text).toContain(v);
  });

  it('婚姻登记记录证明: the records as a table, the two fixed sentences, issue date', async () => {
    const t = templateById('marriage-record-certificate');
    const { page, text } = await check(t, sample('marriage-record-certificate'));
    expect(text).toContain('婚姻登记记录证明');
    expect(text).toContain('经查，本机关婚姻登记档案中有下列登记记录：');
    expect(text).toContain('本证明仅证明本机关的婚姻登记记录，不证明当事人目前的婚姻状况。');
    for (const v of ['登记类别', '登记日期', '证书字号', '配偶姓名', 'J110101-2012-000123', 'L110101-2016-000045', 'BJ110101-2023-000007', '补发结婚证', '2016年08月01日', '张伟', RARE, '办理房产登记', '2026年11月24日']) {
      expect(text).toContain(v);
    }
    // Three records: three rows with ink, the rest of the table empty.
    const f = t.fields.find((x) => x.kind === 'table')!;
    if (f.kind !== 'table') throw new Error('no table');
    const width = f.columns.reduce((s, c) => s + c.width, 0);
    const row = (i: number): BoxMm => ({ x: f.x + 0.5, y: f.y + (i + 1) * f.rowHeight + 1, width: width - 1, height: f.rowHeight - 2 });
    for (const i of [0, 1, 2]) expect(inkCount(page, row(i)), `row ${i + 1}`).toBeGreaterThan(50);
    for (let i = 3; i < f.maxRows; i++) expect(inkCount(page, row(i)), `row ${i + 1}`).toBe(0);
  });

  it('婚姻登记记录证明: more records than the table holds, or a record that is not a row, is refused', async () => {
    const t = templateById('marriage-record-certificate');
    const f = t.fields.find((x) => x.kind === 'table')!;
    if (f.kind !== 'table') throw new Error('no table');
    const record = { type: '结婚', date: '2012年05月20日', certificateNumber: 'J110101-2012-000123', spouse: '张伟' };
    const err = await rejection(render(t, { ...sample('marriage-record-certificate'), records: Array.from({ length: f.maxRows + 1 }, () => record) }));
    expect(err.fieldErrors.records).toContain(`最多 ${f.maxRows} 行`);
    expect(Object.keys((await rejection(render(t, { ...sample('marriage-record-certificate'), records: '结婚' }))).fieldErrors)).toEqual(['records']);
    // The full table fits too.
    expect(pageCount(await render(t, { ...sample('marriage-record-certificate'), records: Array.from({ length: f.maxRows }, () => record) }))).toBe(1);
  });

  it('dates must be real YYYY-MM-DD days', async () => {
    const t = templateById('divorce-receipt');
    const err = await rejection(render(t, { ...sample('divorce-receipt'), coolingOffEnds: '2026-02-30' }));
    expect(err.fieldErrors.coolingOffEnds).toContain('冷静期届满日');
    const err2 = await rejection(render(t, { ...sample('divorce-receipt'), certificateDeadline: '2026年11月20日' }));
    expect(err2.fieldErrors.certificateDeadline).toContain('YYYY-MM-DD');
    expect(dataSchema(t).safeParse(sample('divorce-receipt')).success).toBe(true);
  });
});
