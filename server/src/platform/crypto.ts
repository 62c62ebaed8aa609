/** National-standard cryptography from node:crypto: SM3 digests and SM4 encryption of personal data at rest. */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * SM4-CBC with a random IV and an HMAC-SM3 tag over IV and ciphertext (encrypt-then-MAC), so a tampered
 * value is refused instead of decrypting to garbage. Stored form: `sm4:v1:<iv>:<ciphertext>:<tag>` (base64url).
 */
export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 16) throw new Error('the SM4 key must be 16 bytes (32 hex characters)');
    this.encKey = createHmac('sm3', masterKey).update('jinke-sm4-enc').digest().subarray(0, 16);
    this.macKey = createHmac('sm3', masterKey).update('jinke-sm3-mac').digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = createHmac('sm3', this.macKey).update(iv).update(body).digest();
    return ['sm4', 'v1', iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join(':');
  }

  decrypt(stored: string): string {
    const [scheme, version, ivText, bodyText, tagText] = stored.split(':');
    if (scheme !== 'sm4' || version !== 'v1' || !ivText || !bodyText || !tagText) {
      throw new Error('not an SM4 v1 value');
    }
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    const expected = createHmac('sm3', this.macKey).update(iv).update(body).digest();
    const tag = Buffer.from(tagText, 'base64url');
    if (tag.length !== expected.length || !timingSafeEqual(tag, expected)) throw new Error('SM4 value failed its integrity check');
    const decipher = createDecipheriv('sm4-cbc', this.encKey, iv);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}

/**
 * The SM4 key: `JINKE_SM4_KEY` (32 hex characters) when set; otherwise a key generated once into
 * `<dataDir>/secret.key` (mode 0600) for the embedded default.
 */
export function loadOrCreateKey(keyHex: string | null, dataDir: string): Buffer {
  if (keyHex) {
    if (!/^[0-9a-fA-F]{32}$/.test(keyHex)) throw new Error('JINKE_SM4_KEY must be 32 hexadecimal characters');
    return Buffer.from(keyHex, 'hex');
  }
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{32}$/.test(text)) throw new Error(`${file} does not hold a 32-hex-character key`);
    return Buffer.from(text, 'hex');
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(16);
  fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

/** 13812345678 → 138****5678; ID numbers keep the first 6 and last 4. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function maskIdNumber(id: string): string {
  return id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : '****';
}
