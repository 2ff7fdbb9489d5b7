import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../src-main/auth/password';

describe('password hashing', () => {
  const a = hashPassword('Correct horse 1');
  const b = hashPassword('Correct horse 1');

  it('stores scrypt parameters, a salt and a hash', () => {
    const parts = a.split('$');
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4], 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5], 'base64')).toHaveLength(32);
    expect(a).not.toContain('Correct horse 1');
  });

  it('uses a fresh salt per hash: two hashes of the same password differ', () => {
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(a.split('$')[5]).not.toBe(b.split('$')[5]);
  });

  it('verifies the right password against either hash', () => {
    expect(verifyPassword('Correct horse 1', a)).toBe(true);
    expect(verifyPassword('Correct horse 1', b)).toBe(true);
  });

  it('rejects a wrong password', () => {
    expect(verifyPassword('Correct horse 2', a)).toBe(false);
    expect(verifyPassword('correct horse 1', a)).toBe(false);
    expect(verifyPassword('', a)).toBe(false);
  });

  it('rejects a malformed or foreign stored hash instead of throwing', () => {
    expect(verifyPassword('x', '')).toBe(false);
    expect(verifyPassword('x', 'plain-text-password')).toBe(false);
    expect(verifyPassword('x', a.replace(/^scrypt/, 'bcrypt'))).toBe(false);
  });

  it('nobody’s password matches the dummy hash used for unknown users', () => {
    expect(verifyPassword('Correct horse 1', DUMMY_HASH)).toBe(false);
    expect(DUMMY_HASH.startsWith('scrypt$')).toBe(true);
  });
});
