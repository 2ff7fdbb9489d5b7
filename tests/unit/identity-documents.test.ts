import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPE_IDS, DOCUMENT_TYPES, documentNumberProblem, idCheckChar, type DocumentTypeId } from '../../src-main/contract';

/** A GB 11643 number from its first 17 digits, check character computed. */
const gb = (first17: string): string => first17 + idCheckChar(first17);
/** The same first 17 digits with a check character that is not the right one. */
const wrongCheck = (first17: string): string => first17 + (idCheckChar(first17) === '0' ? '1' : '0');

describe('the identity documents a station meets', () => {
  it('lists the six document types, each with its Chinese label and the scope the law sorts its holder into', () => {
    expect(DOCUMENT_TYPE_IDS).toEqual(['resident-id', 'hmt-residence-permit', 'hk-macao-permit', 'taiwan-permit', 'foreign-permanent-residence', 'passport']);
    const summary = Object.fromEntries(DOCUMENT_TYPE_IDS.map((id) => [id, [DOCUMENT_TYPES[id].label, DOCUMENT_TYPES[id].scope, DOCUMENT_TYPES[id].derivesBirthAndSex]]));
    expect(summary).toEqual({
      'resident-id': ['居民身份证', 'mainland', true],
      'hmt-residence-permit': ['港澳台居民居住证', 'hk-macao-taiwan', true],
      'hk-macao-permit': ['港澳居民来往内地通行证', 'hk-macao-taiwan', false],
      'taiwan-permit': ['台湾居民来往大陆通行证', 'hk-macao-taiwan', false],
      'foreign-permanent-residence': ['外国人永久居留身份证', 'foreign', false],
      passport: ['护照', 'foreign', false],
    });
  });
});

describe('document numbers, type by type (documentNumberProblem)', () => {
  const ok = (type: DocumentTypeId, n: string): void => expect(documentNumberProblem(type, n), `${type} ${n}`).toBeNull();
  const bad = (type: DocumentTypeId, n: string, why: string | RegExp): void => {
    const problem = documentNumberProblem(type, n);
    expect(problem, `${type} ${n}`).not.toBeNull();
    expect(problem).toMatch(why);
  };

  it('居民身份证: 18 characters with the GB 11643 check; a lower-case x and surrounding spaces are accepted', () => {
    ok('resident-id', gb('11010519900307123'));
    ok('resident-id', '34052419800101001X');
    ok('resident-id', '34052419800101001x');
    ok('resident-id', ' 34052419800101001X ');
    // An address code no longer current is still valid in a number.
    ok('resident-id', gb('44190019900101124'));
    bad('resident-id', '11010519900307123', '格式不正确：18 位');
    bad('resident-id', `${gb('11010519900307123')}0`, '格式不正确');
    bad('resident-id', '1101051990030712A4', '格式不正确');
    bad('resident-id', wrongCheck('11010519900307123'), /^校验位错误（最后一位应为 [\dX]）$/);
    bad('resident-id', gb('11010519900230123'), '其中的出生日期 19900230 不存在');
    bad('resident-id', gb('11010520010229123'), '其中的出生日期 20010229 不存在');
    ok('resident-id', gb('11010520000229123'));
  });

  it('a 居民身份证 number beginning 810000, 820000 or 830000 is a residence permit: the registrar is told to choose 港澳台居民居住证', () => {
    for (const first17 of ['81000019900101002', '82000019900101002', '83000019900101002']) {
      expect(documentNumberProblem('resident-id', gb(first17))).toBe('是港澳台居民居住证号码，请选择证件类型“港澳台居民居住证”');
    }
    // …even before its check character is right: the type is the first thing to fix.
    expect(documentNumberProblem('resident-id', wrongCheck('81000019900101002'))).toContain('请选择证件类型“港澳台居民居住证”');
    // Another code starting with 8 is an ordinary (if unusual) resident number, not a permit.
    expect(documentNumberProblem('resident-id', gb('85000019900101002'))).toBeNull();
  });

  it('港澳台居民居住证: 18 characters beginning 810000 (HK), 820000 (Macao) or 830000 (Taiwan), with the GB 11643 check', () => {
    ok('hmt-residence-permit', gb('81000019900101002'));
    ok('hmt-residence-permit', gb('82000019851231003'));
    ok('hmt-residence-permit', gb('83000020000229004'));
    bad('hmt-residence-permit', gb('11010519900307123'), '格式不正确：18 位，以 810000、820000 或 830000 开头');
    bad('hmt-residence-permit', gb('81010119900101002'), '以 810000、820000 或 830000 开头');
    bad('hmt-residence-permit', wrongCheck('81000019900101002'), '校验位错误');
    bad('hmt-residence-permit', gb('81000019900231002'), '出生日期 19900231 不存在');
  });

  it('港澳居民来往内地通行证: H or M and 8 digits (old permits 10); a lower-case letter is accepted', () => {
    ok('hk-macao-permit', 'H12345678');
    ok('hk-macao-permit', 'M12345678');
    ok('hk-macao-permit', 'H1234567890');
    ok('hk-macao-permit', 'h12345678');
    bad('hk-macao-permit', 'H1234567', '格式不正确：H 或 M 加 8 位（旧证 10 位）数字');
    bad('hk-macao-permit', 'H123456789', '格式不正确');
    bad('hk-macao-permit', 'C12345678', '格式不正确');
    bad('hk-macao-permit', '12345678', '格式不正确');
  });

  it('台湾居民来往大陆通行证: 8 digits (old permits 10)', () => {
    ok('taiwan-permit', '12345678');
    ok('taiwan-permit', '1234567890');
    bad('taiwan-permit', '123456789', '格式不正确：8 位（旧证 10 位）数字');
    bad('taiwan-permit', '1234567', '格式不正确');
    bad('taiwan-permit', 'T1234567', '格式不正确');
  });

  it('外国人永久居留身份证: 18 characters beginning 9, or the old 3 letters and 12 digits', () => {
    ok('foreign-permanent-residence', '933156199001010012');
    ok('foreign-permanent-residence', '93315619900101001X');
    ok('foreign-permanent-residence', 'USA110019900101');
    ok('foreign-permanent-residence', 'usa110019900101');
    bad('foreign-permanent-residence', '833156199001010012', '格式不正确：18 位以 9 开头，或旧证 3 个字母加 12 位数字');
    bad('foreign-permanent-residence', 'US1100199001011', '格式不正确');
    bad('foreign-permanent-residence', 'USA11001990010', '格式不正确');
  });

  it('护照: 5 to 17 capital letters and digits', () => {
    ok('passport', 'E12345678');
    ok('passport', 'e12345678');
    ok('passport', 'AB123');
    ok('passport', 'A1234567890123456');
    bad('passport', 'AB12', '格式不正确：5–17 位大写字母和数字');
    bad('passport', 'A12345678901234567', '格式不正确');
    bad('passport', 'E1234-5678', '格式不正确');
    bad('passport', 'E 12345678', '格式不正确');
  });

  it('a number valid for one type is not valid for another', () => {
    expect(documentNumberProblem('passport', gb('11010519900307123'))).toContain('格式不正确');
    expect(documentNumberProblem('taiwan-permit', 'H12345678')).toContain('格式不正确');
    expect(documentNumberProblem('hk-macao-permit', '12345678')).toContain('格式不正确');
    expect(documentNumberProblem('resident-id', 'E12345678')).toContain('格式不正确');
  });
});
