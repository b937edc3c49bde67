import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * AES-256-GCM for personal data at rest, with key rotation. A sealed value is
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts); the key id travels with the ciphertext so old values
 * stay readable after a new key is put first. `aad` binds a value to its row (e.g. `clue:<id>`): a ciphertext copied
 * to another row does not decrypt.
 */
export class CryptoBox {
  private readonly keys: Map<string, Buffer>;
  readonly currentKeyId: string;

  /** `keys` in order of preference: the first encrypts, every one decrypts. */
  constructor(keys: readonly { id: string; key: Buffer }[]) {
    if (keys.length === 0) throw new Error('CryptoBox needs at least one key');
    for (const k of keys) {
      if (k.key.length !== 32) throw new Error(`contact key ${k.id} must be 32 bytes, not ${k.key.length}`);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(k.id)) throw new Error(`contact key id ${k.id} must be [A-Za-z0-9_-]{1,32}`);
    }
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
    this.currentKeyId = keys[0]!.id;
  }

  /** Parses `ID:BASE64,ID2:BASE64` (first = current). */
  static parse(spec: string): CryptoBox {
    const keys = spec
      .split(/[\s,]+/)
      .filter((e) => e !== '')
      .map((entry) => {
        const i = entry.indexOf(':');
        if (i <= 0) throw new Error('contact keys must be written ID:BASE64KEY');
        return { id: entry.slice(0, i), key: Buffer.from(entry.slice(i + 1), 'base64') };
      });
    return new CryptoBox(keys);
  }

  /** The keys from `spec` when given, else from `file`, which is created with one fresh key when missing. */
  static load(spec: string | undefined, file: string): CryptoBox {
    if (spec) return CryptoBox.parse(spec);
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${newKeySpec()}\n`, { mode: 0o600 });
    }
    return CryptoBox.parse(readFileSync(file, 'utf8'));
  }

  seal(plaintext: string, aad: string): { sealed: string; keyId: string } {
    const keyId = this.currentKeyId;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(keyId)!, iv);
    cipher.setAAD(Buffer.from(aad));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url'));
    return { sealed: ['v1', keyId, ...parts].join('.'), keyId };
  }

  /** Throws when the key is unknown or the value was tampered with or moved to another row. */
  open(sealed: string, aad: string): string {
    const [version, keyId, iv, tag, ct] = sealed.split('.');
    if (version !== 'v1' || !keyId || iv === undefined || tag === undefined || ct === undefined)
      throw new Error('not a sealed value');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`unknown contact key ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Re-encrypts with the current key when the value used another one; undefined when nothing needs doing. */
  reseal(sealed: string, aad: string): { sealed: string; keyId: string } | undefined {
    if (sealed.split('.')[1] === this.currentKeyId) return undefined;
    return this.seal(this.open(sealed, aad), aad);
  }
}

/** A fresh `ID:BASE64` key entry (id from the date, so a rotation is easy to date). */
export function newKeySpec(now = new Date()): string {
  const id = `k${now.toISOString().slice(0, 10).replaceAll('-', '')}${randomBytes(2).toString('hex')}`;
  return `${id}:${randomBytes(32).toString('base64')}`;
}
