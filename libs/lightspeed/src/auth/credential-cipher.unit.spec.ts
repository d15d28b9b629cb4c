import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { CredentialCipher } from './credential-cipher.js';

const key = randomBytes(32).toString('base64');

describe('CredentialCipher', () => {
  it('encrypts to ciphertext that does not contain the token and decrypts it back', () => {
    const cipher = new CredentialCipher(key);
    const sealed = cipher.encrypt('refresh-token-secret', 'row:refresh_token');
    expect(sealed.includes(Buffer.from('refresh-token-secret'))).toBe(false);
    expect(cipher.decrypt(sealed, 'row:refresh_token')).toBe('refresh-token-secret');
  });

  it('uses a fresh nonce for every encryption', () => {
    const cipher = new CredentialCipher(key);
    expect(cipher.encrypt('same', 'aad').equals(cipher.encrypt('same', 'aad'))).toBe(false);
  });

  it('refuses a ciphertext moved to another row or column, tampered with, or read with another key', () => {
    const cipher = new CredentialCipher(key);
    const sealed = cipher.encrypt('token', 'store-a:access_token');
    expect(() => cipher.decrypt(sealed, 'store-b:access_token')).toThrow(/cannot be decrypted/);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => cipher.decrypt(tampered, 'store-a:access_token')).toThrow(/cannot be decrypted/);
    expect(() => new CredentialCipher(randomBytes(32).toString('base64')).decrypt(sealed, 'store-a:access_token')).toThrow(
      /wrong key/,
    );
    expect(() => cipher.decrypt(Buffer.from([9, 1, 2]), 'x')).toThrow(/unknown format/);
  });

  it('insists on a 32-byte key and never prints it', () => {
    expect(() => new CredentialCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(JSON.stringify({ cipher: new CredentialCipher(key) })).not.toContain(key);
  });
});
