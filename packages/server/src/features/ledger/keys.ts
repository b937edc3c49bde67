import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatSignerKey, generateSignerKey, parseSignerKey, type Ed25519Signer } from '@rectify/ledger';

/**
 * The log's Ed25519 signing key lives outside the database (a database dump must not be able to sign checkpoints):
 * one line `PRIVATE+KEY+<origin>+<keyid>+<base64>` in a file of mode 0600. The key name is the log origin.
 */
export interface LogKey {
  signer: Ed25519Signer;
  /** `origin+keyid+base64`: what verifiers trust. */
  vkey: string;
  file: string;
  /** True when this call created the file. */
  created: boolean;
}

/**
 * Reads the signer key from `file`, creating it (and its folder, mode 0700) on first use. Creation uses an exclusive
 * open, so two processes starting together end up with the same key. Throws when the file holds a key for another
 * origin: changing the origin means a new log (see docs/ledger.md, "Key rotation").
 */
export function loadOrCreateLogKey(file: string, origin: string): LogKey {
  let created = false;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, generateSignerKey(origin).skey + '\n', { flag: 'wx', mode: 0o600 });
    created = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const key = readLogKey(file);
  if (key.signer.name !== origin) {
    throw new Error(
      `ledger key ${file} belongs to origin "${key.signer.name}", not "${origin}"; set RECTIFY_LEDGER_ORIGIN accordingly or use another key file`,
    );
  }
  return { ...key, created };
}

/** Reads an existing key file (no creation). Warns through the returned value when the mode is too open. */
export function readLogKey(file: string): Omit<LogKey, 'created'> {
  const text = readFileSync(file, 'utf8').trim();
  const signer = parseSignerKey(text);
  if (formatSignerKey(signer) !== text) throw new Error(`ledger key ${file} is not in canonical form`);
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return { signer, vkey: signer.vkey, file };
}
