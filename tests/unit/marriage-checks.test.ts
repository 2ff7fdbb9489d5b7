import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src-main/contract';
import { checkMarriage, type Authorization, type PartyInput } from '../../src-main/marriage/marriage-checks';

const gb = (first17: string): string => first17 + idCheckChar(first17);

const NONE: Authorization = { foreign: false, hkMacaoTaiwan: false };
const FOREIGN: Authorization = { foreign: true, hkMacaoTaiwan: false };
const HMT: Authorization = { foreign: false, hkMacaoTaiwan: true };
const BOTH: Authorization = { foreign: true, hkMacaoTaiwan: true };
const nobodyMarried = (): undefined => undefined;
const ON = '2026-11-23';

// 17th digit odd → male, even → female.
const groom: PartyInput = { name: '张伟', sex: 'male', nationality: '中国', documentType: 'resident-id', idNumber: gb('11010519930307123') };
const bride: PartyInput = { name: '李娜', sex: 'female', nationality: '中国', documentType: 'resident-id', idNumber: gb('34052419950101002') };
const american: PartyInput = { name: '艾米丽·史密斯', sex: 'female', nationality: '美国', documentType: 'passport', idNumber: 'E12345678', birthDate: '1995-06-11' };
const hongKonger: PartyInput = { name: '陈美玲', sex: 'female', nationality: '中国', documentType: 'hk-macao-permit', idNumber: 'H12345678', birthDate: '1994-04-04' };
const taiwanPermit: PartyInput = { name: '林志玲', sex: 'female', nationality: '中国', documentType: 'taiwan-permit', idNumber: '12345678', birthDate: '1994-04-04' };
const residencePermit: PartyInput = { name: '何家欣', sex: 'female', nationality: '中国', documentType: 'hmt-residence-permit', idNumber: gb('81000019960606002') };
const permanentResident: PartyInput = { name: '金敏智', sex: 'female', nationality: '韩国', documentType: 'foreign-permanent-residence', idNumber: 'KOR110019960606', birthDate: '1996-06-06' };

describe('checkMarriage: everything in order', () => {
  it('no problems, both parties with their birth dates from the numbers, and the findings in the order they were checked', () => {
    const r = checkMarriage(groom, bride, ON, nobodyMarried, NONE);
    expect(r.problems).toEqual([]);
    expect(r.parties?.map((p) => [p.name, p.birthDate, p.idNumber])).toEqual([
      ['张伟', '1993-03-07', groom.idNumber],
      ['李娜', '1995-01-01', bride.idNumber],
    ]);
    expect(r.findings).toEqual([
      '一方张伟：居民身份证号码校验通过，男，1993-03-07 出生',
      '另一方李娜：居民身份证号码校验通过，女，1995-01-01 出生',
      '双方为男女双方，非同一人',
      '张伟年满 33 周岁，达到法定婚龄',
      '张伟在本机关无未解除的婚姻登记记录',
      '李娜年满 31 周岁，达到法定婚龄',
      '李娜在本机关无未解除的婚姻登记记录',
    ]);
  });

  it('a lower-case x is normalized in the checked party', () => {
    const x = { ...groom, idNumber: '34052419800101001x' };
    const r = checkMarriage(x, bride, ON, nobodyMarried, NONE);
    expect(r.problems).toEqual([]);
    expect(r.parties![0].idNumber).toBe('34052419800101001X');
  });

  it('the party asked about the marriage database is asked by the normalized number', () => {
    const asked: string[] = [];
    checkMarriage({ ...groom, idNumber: '34052419800101001x' }, bride, ON, (id) => (asked.push(id), undefined), NONE);
    expect(asked).toEqual(['34052419800101001X', bride.idNumber]);
  });
});

describe('checkMarriage: identity documents and the office’s authorization (婚姻登记条例第二条)', () => {
  it('a passport holder is refused at an office not authorized for foreign-related marriages, naming the party and the document', () => {
    const r = checkMarriage(groom, american, ON, nobodyMarried, NONE);
    expect(r.parties).toBeNull();
    expect(r.problems).toEqual(['本登记机关未获授权办理涉外（含华侨）的婚姻登记（另一方持护照，婚姻登记条例第二条），请到省级人民政府确定的登记机关办理']);
  });

  it('a 外国人永久居留身份证 holder likewise; an authorization for Hong Kong, Macao and Taiwan does not cover foreigners', () => {
    expect(checkMarriage(groom, permanentResident, ON, nobodyMarried, NONE).problems.join()).toContain('未获授权办理涉外（含华侨）的婚姻登记（另一方持外国人永久居留身份证');
    expect(checkMarriage(groom, american, ON, nobodyMarried, HMT).problems.join()).toContain('未获授权办理涉外（含华侨）');
  });

  it('a Hong Kong, Macao or Taiwan resident is refused unless authorized for them; a foreign authorization does not cover them', () => {
    for (const p of [hongKonger, taiwanPermit, residencePermit]) {
      for (const auth of [NONE, FOREIGN]) {
        const r = checkMarriage(groom, p, ON, nobodyMarried, auth);
        expect(r.parties).toBeNull();
        expect(r.problems.join()).toContain('本登记机关未获授权办理涉港澳台居民的婚姻登记');
      }
    }
    expect(checkMarriage(groom, hongKonger, ON, nobodyMarried, NONE).problems.join()).toContain('另一方持港澳居民来往内地通行证');
    expect(checkMarriage(taiwanPermit, groom, ON, nobodyMarried, NONE).problems.join()).toContain('一方持台湾居民来往大陆通行证');
  });

  it('allowed when authorized: the finding records the document, the stated sex and birth date and the nationality', () => {
    const r = checkMarriage(groom, american, ON, nobodyMarried, FOREIGN);
    expect(r.problems).toEqual([]);
    expect(r.parties![1]).toMatchObject({ name: '艾米丽·史密斯', documentType: 'passport', idNumber: 'E12345678', birthDate: '1995-06-11', nationality: '美国' });
    expect(r.findings).toContain('另一方艾米丽·史密斯：护照 E12345678，女，1995-06-11 出生，国籍 美国');
    expect(r.findings).toContain('艾米丽·史密斯年满 31 周岁，达到法定婚龄');
    for (const p of [hongKonger, taiwanPermit, residencePermit]) expect(checkMarriage(groom, p, ON, nobodyMarried, HMT).problems).toEqual([]);
    expect(checkMarriage(groom, permanentResident, ON, nobodyMarried, BOTH).problems).toEqual([]);
  });

  it('a 港澳台居民居住证 gives birth date and sex from its number, like a resident ID, and they are cross-checked', () => {
    const r = checkMarriage(groom, residencePermit, ON, nobodyMarried, HMT);
    expect(r.parties![1].birthDate).toBe('1996-06-06');
    expect(r.findings).toContain('另一方何家欣：港澳台居民居住证号码校验通过，女，1996-06-06 出生');
    expect(checkMarriage(groom, { ...residencePermit, sex: 'male' }, ON, nobodyMarried, HMT).problems.join()).toContain('性别“男”与另一方（何家欣）的港澳台居民居住证号码显示的“女”不一致');
    expect(checkMarriage(groom, { ...residencePermit, birthDate: '1996-06-07' }, ON, nobodyMarried, HMT).problems.join()).toContain('出生日期 1996-06-07 与');
  });

  it('documents that do not carry the birth date need it entered: without it the party cannot be checked', () => {
    for (const [p, label] of [
      [american, '护照'],
      [hongKonger, '港澳居民来往内地通行证'],
      [taiwanPermit, '台湾居民来往大陆通行证'],
      [permanentResident, '外国人永久居留身份证'],
    ] as const) {
      const r = checkMarriage(groom, { ...p, birthDate: undefined }, ON, nobodyMarried, BOTH);
      expect(r.parties).toBeNull();
      expect(r.problems).toEqual([`请按另一方的${label}填写出生日期`]);
    }
  });

  it('an entered birth date that does not exist (30 February, 29 February of a common year) is refused naming 出生日期', () => {
    for (const birthDate of ['1995-02-30', '2001-02-29', '1995-13-01']) {
      const r = checkMarriage(groom, { ...american, birthDate }, ON, nobodyMarried, FOREIGN);
      expect(r.parties, birthDate).toBeNull();
      expect(r.problems.join(), birthDate).toContain('出生日期');
    }
  });

  it('a resident-ID number beginning 810000 is refused with the advice to choose 港澳台居民居住证', () => {
    const r = checkMarriage(groom, { ...residencePermit, documentType: 'resident-id' }, ON, nobodyMarried, BOTH);
    expect(r.parties).toBeNull();
    expect(r.problems).toEqual(['另一方（何家欣）的居民身份证号码是港澳台居民居住证号码，请选择证件类型“港澳台居民居住证”']);
  });

  it('a number that does not fit its document is refused with the document’s format, before any authorization question', () => {
    const r = checkMarriage(groom, { ...american, idNumber: 'E12' }, ON, nobodyMarried, NONE);
    expect(r.problems).toEqual(['另一方（艾米丽·史密斯）的护照号码格式不正确：5–17 位大写字母和数字']);
  });

  it('problems with both parties are all reported, each naming its party', () => {
    const badCheck = groom.idNumber.slice(0, 17) + (groom.idNumber.endsWith('0') ? '1' : '0');
    const r = checkMarriage({ ...groom, idNumber: badCheck }, { ...american, birthDate: undefined }, ON, nobodyMarried, FOREIGN);
    expect(r.parties).toBeNull();
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toContain('一方（张伟）的居民身份证号码校验位错误');
    expect(r.problems[1]).toBe('请按另一方的护照填写出生日期');
  });
});

describe('checkMarriage: the law on the parties', () => {
  it('the same person on both sides is refused as such (not as two men)', () => {
    const r = checkMarriage(groom, { ...groom, name: '张伟伟' }, ON, nobodyMarried, NONE);
    expect(r.problems).toEqual(['双方为同一人（身份证件号码相同）']);
    expect(r.findings).not.toContain('双方为男女双方，非同一人');
  });

  it('two women are refused (民法典 1049), and two passport holders of the same sex likewise', () => {
    const r = checkMarriage(bride, { ...residencePermit, name: '王芳' }, ON, nobodyMarried, HMT);
    expect(r.problems).toEqual(['结婚登记须由男女双方申请（民法典第一千零四十九条）']);
    const twoMen = checkMarriage({ ...american, sex: 'male', name: 'John Smith' }, { ...american, sex: 'male', idNumber: 'E87654321', name: 'Bob Smith' }, ON, nobodyMarried, FOREIGN);
    expect(twoMen.problems).toContain('结婚登记须由男女双方申请（民法典第一千零四十九条）');
  });

  it('under age on the day before the birthday, of age on the birthday itself', () => {
    const young = { ...groom, name: '赵小军', idNumber: gb('11010520041124123') };
    const before = checkMarriage(young, bride, '2026-11-23', nobodyMarried, NONE);
    expect(before.problems).toEqual(['赵小军未达法定婚龄：男方须满 22 周岁，赵小军于 2026-11-24 才满 22 周岁（民法典第一千零四十七条）']);
    const on = checkMarriage(young, bride, '2026-11-24', nobodyMarried, NONE);
    expect(on.problems).toEqual([]);
    expect(on.findings).toContain('赵小军年满 22 周岁，达到法定婚龄');
    const girl = { ...bride, name: '钱小红', idNumber: gb('11010520061124002') };
    expect(checkMarriage(groom, girl, '2026-11-23', nobodyMarried, NONE).problems.join()).toContain('女方须满 20 周岁，钱小红于 2026-11-24 才满 20 周岁');
    expect(checkMarriage(groom, girl, '2026-11-24', nobodyMarried, NONE).problems).toEqual([]);
  });

  it('a man born on 29 February 2000 comes of age on 1 March 2022, a common year: refused on 28 February, allowed on 1 March', () => {
    const leapling = { ...groom, name: '孙闰', idNumber: gb('11010520000229123') };
    const feb28 = checkMarriage(leapling, bride, '2022-02-28', nobodyMarried, NONE);
    expect(feb28.problems).toEqual(['孙闰未达法定婚龄：男方须满 22 周岁，孙闰于 2022-03-01 才满 22 周岁（民法典第一千零四十七条）']);
    const mar1 = checkMarriage(leapling, bride, '2022-03-01', nobodyMarried, NONE);
    expect(mar1.problems).toEqual([]);
    expect(mar1.findings).toContain('孙闰年满 22 周岁，达到法定婚龄');
  });

  it('a passport holder born on 29 February (birth date entered, not read from a number) is counted the same way', () => {
    const leapling = { ...american, name: 'Tom Leap', sex: 'male' as const, birthDate: '2000-02-29' };
    expect(checkMarriage(leapling, bride, '2022-02-28', nobodyMarried, FOREIGN).problems.join()).toContain('Tom Leap于 2022-03-01 才满 22 周岁');
    expect(checkMarriage(leapling, bride, '2022-03-01', nobodyMarried, FOREIGN).problems).toEqual([]);
  });

  it('a woman born on 29 February 2004 is 20 on 29 February 2024 (a leap year), not a day earlier', () => {
    const leapling = { ...bride, name: '周闰', idNumber: gb('11010520040229002') };
    expect(checkMarriage(groom, leapling, '2024-02-28', nobodyMarried, NONE).problems.join()).toContain('周闰于 2024-02-29 才满 20 周岁');
    expect(checkMarriage(groom, leapling, '2024-02-29', nobodyMarried, NONE).problems).toEqual([]);
  });

  it('a party already married here is refused as 重婚, naming the 字号; the other party’s finding is still recorded', () => {
    const onRecord = (id: string) => (id === groom.idNumber ? { certificateNumber: 'J110105-2025-000007' } : undefined);
    const r = checkMarriage(groom, bride, ON, onRecord, NONE);
    expect(r.problems).toEqual(['张伟已有在本机关登记且未解除的婚姻（结婚证字号 J110105-2025-000007），属重婚，不予登记']);
    expect(r.findings).toContain('李娜在本机关无未解除的婚姻登记记录');
    expect(r.findings).not.toContain('张伟在本机关无未解除的婚姻登记记录');
  });
});
