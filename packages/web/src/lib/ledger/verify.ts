/**
 * Checks in the browser, with WebCrypto only, that an event is in the transparency log (docs/ledger.md):
 * - the checkpoint is a C2SP signed note carrying a valid Ed25519 signature by the log's verifier key
 *   (`name+keyid+base64(0x01 ‖ pubkey)`, key ID = first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ pubkey));
 * - the inclusion proof leads from the leaf hash to the root the signed checkpoint states (RFC 9162 §2.1.3.2,
 *   leaves SHA-256(0x00 ‖ leaf), nodes SHA-256(0x01 ‖ left ‖ right)).
 * The same algorithms as packages/ledger (note/open.ts, proof/verify.ts), which run on Node's crypto and cannot be
 * bundled. Used by the console's problem page and the portal's published problems.
 */

export function fromBase64(b64: string): Uint8Array {
  const raw = atob(b64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

const utf8 = new TextEncoder();

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const buf = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    buf.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
}

const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);
const ED25519 = 0x01;

export const hashLeaf = (leaf: Uint8Array) => sha256(LEAF, leaf);
export const hashChildren = (left: Uint8Array, right: Uint8Array) => sha256(NODE, left, right);

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The root an inclusion proof leads to, or null when the proof has the wrong shape for (index, size). */
export async function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Promise<Uint8Array | null> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  if (leafHash.length !== 32 || proof.some((p) => p.length !== 32)) return null;
  // Plain arithmetic instead of bit operators: JavaScript's are 32-bit and a log may grow past 2^31 leaves.
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** A parsed Ed25519 note verifier key. */
export interface VerifierKey {
  name: string;
  keyId: Uint8Array;
  publicKey: Uint8Array;
  /** The key as published, for people to compare. */
  text: string;
}

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// A key name: printable, no '+' and no white space (C2SP signed-note).
const KEY_NAME = /^[^\s+\p{Cc}]+$/u;

/**
 * Parses `name+keyid+base64(0x01 ‖ pubkey)`; null unless it is a well-formed Ed25519 key whose key ID matches
 * (C2SP signed-note: first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ pubkey)).
 */
export async function parseVerifierKey(text: string): Promise<VerifierKey | null> {
  const vkey = text.trim();
  // name+keyid+key: the name has no '+', the key ID is 8 hex digits, the key's base64 may contain '+'.
  const m = /^([^+]+)\+([0-9a-fA-F]{8})\+(.+)$/su.exec(vkey);
  if (!m) return null;
  const [, name, idHex, b64] = m as unknown as [string, string, string, string];
  if (!KEY_NAME.test(name) || !B64.test(b64)) return null;
  const key = fromBase64(b64);
  if (key.length !== 33 || key[0] !== ED25519) return null;
  const publicKey = key.subarray(1);
  const keyId = (await sha256(utf8.encode(name), Uint8Array.of(0x0a), key)).subarray(0, 4);
  const stated = Uint8Array.from(idHex.match(/../g)!.map((h) => parseInt(h, 16)));
  if (!bytesEqual(keyId, stated)) return null;
  return { name, keyId, publicKey, text: vkey };
}

export interface CheckpointBody {
  origin: string;
  size: number;
  root: Uint8Array;
}

/**
 * The outcome of checking a signed checkpoint:
 * `valid` — a signature by the key verified and the body parsed; `invalid` — malformed note, no signature by the key,
 * or a signature by it that does not verify; `unsupported` — this browser's WebCrypto has no Ed25519.
 */
export type SignatureOutcome = 'valid' | 'invalid' | 'unsupported';

export interface CheckpointCheck {
  signature: SignatureOutcome;
  /** The parsed body (present whenever it parses, even if the signature could not be checked). */
  checkpoint: CheckpointBody | null;
}

function parseBody(text: string): CheckpointBody | null {
  const lines = text.split('\n');
  if (lines.length < 4 || lines.at(-1) !== '') return null;
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(sizeText) || !B64.test(rootText)) return null;
  const size = Number(sizeText);
  const root = fromBase64(rootText);
  if (!Number.isSafeInteger(size) || root.length !== 32) return null;
  return { origin, size, root };
}

async function importEd25519(publicKey: Uint8Array): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.importKey('raw', new Uint8Array(publicKey), { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return null; // NotSupportedError and friends: the browser cannot check Ed25519
  }
}

/**
 * Checks a signed checkpoint note against the log's key: every signature line by (name, key ID) must verify, and
 * there must be at least one (C2SP signed-note); other signers' lines (witnesses) are ignored here. The checkpoint's
 * origin must be the key's name (a log signs under its origin).
 */
export async function checkCheckpoint(note: string, key: VerifierKey): Promise<CheckpointCheck> {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return { signature: 'invalid', checkpoint: null };
  const text = note.slice(0, split + 1);
  const checkpoint = parseBody(text);
  const lines = note.slice(split + 2).split('\n');
  if (!checkpoint || lines.pop() !== '' || lines.length === 0) return { signature: 'invalid', checkpoint };
  const mine: Uint8Array[] = [];
  for (const line of lines) {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    if (!m || !B64.test(m[2]!)) return { signature: 'invalid', checkpoint };
    const raw = fromBase64(m[2]!);
    if (raw.length < 5) return { signature: 'invalid', checkpoint };
    if (m[1] === key.name && bytesEqual(raw.subarray(0, 4), key.keyId)) mine.push(raw.subarray(4));
  }
  if (mine.length === 0 || checkpoint.origin !== key.name) return { signature: 'invalid', checkpoint };
  const cryptoKey = await importEd25519(key.publicKey);
  if (!cryptoKey) return { signature: 'unsupported', checkpoint };
  const message = utf8.encode(text);
  for (const sig of mine) {
    let ok: boolean;
    try {
      ok =
        sig.length === 64 && (await crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, new Uint8Array(sig), message));
    } catch {
      return { signature: 'unsupported', checkpoint };
    }
    if (!ok) return { signature: 'invalid', checkpoint };
  }
  return { signature: 'valid', checkpoint };
}

/** What a page shows for one event: 已验证 only when the signature and the root both check. */
export type ProofOutcome = 'verified' | 'failed' | 'unsupported' | 'sequenced' | 'pending';

/** One event's proof as both the staff and the public API give it (the staff one adds the leaf bytes). */
export interface EventInclusion {
  status: 'pending' | 'sequenced' | 'published';
  leafIndex: number | null;
  leafHash: string | null;
  inclusionProof: string[] | null;
}

/** The checkpoint as the APIs give it beside the proofs. */
export interface ServedCheckpoint {
  size: number;
  root: string;
  note: string;
}

/**
 * Verifies one event's inclusion against the signed checkpoint. The size and root come from the signed note
 * itself, never from the unsigned fields beside it. `leafCheck`, if given, runs first (e.g. the leaf bytes hash to
 * the leaf hash and name the event) and fails the proof when false.
 */
export async function checkInclusion(
  proof: EventInclusion,
  served: ServedCheckpoint | null,
  key: VerifierKey | null,
  leafCheck?: () => Promise<boolean>,
): Promise<ProofOutcome> {
  if (proof.status === 'pending') return 'pending';
  if (proof.status === 'sequenced' || !served) return 'sequenced';
  if (!key || proof.leafHash === null || proof.leafIndex === null || proof.inclusionProof === null) return 'failed';
  try {
    if (leafCheck && !(await leafCheck())) return 'failed';
    const { signature, checkpoint } = await checkpointCheck(served.note, key);
    if (signature === 'invalid' || !checkpoint) return 'failed';
    const root = await rootFromInclusionProof(
      proof.leafIndex,
      checkpoint.size,
      fromBase64(proof.leafHash),
      proof.inclusionProof.map(fromBase64),
    );
    if (root === null || !bytesEqual(root, checkpoint.root)) return 'failed';
    return signature === 'valid' ? 'verified' : 'unsupported';
  } catch {
    return 'failed';
  }
}

// A page checks many events against one checkpoint: verify its signature once.
const checked = new Map<string, Promise<CheckpointCheck>>();

function checkpointCheck(note: string, key: VerifierKey): Promise<CheckpointCheck> {
  const id = `${key.text}\n${note}`;
  let p = checked.get(id);
  if (!p) {
    if (checked.size > 50) checked.clear();
    checked.set(id, (p = checkCheckpoint(note, key)));
  }
  return p;
}

let published: Promise<VerifierKey | null> | undefined;

/**
 * The log's verifier key as this server publishes it (GET /log/key), parsed; null when absent or malformed.
 * Compare it with the key published elsewhere (a notice of the CPPCC, the witnesses) — a server could lie about
 * its own key.
 */
export function publishedVerifierKey(): Promise<VerifierKey | null> {
  published ??= fetch('/log/key', { headers: { accept: 'text/plain' } })
    .then((r) => (r.ok ? r.text() : ''))
    .then((text) => parseVerifierKey(text))
    .catch(() => null);
  const p = published;
  // A failure is not remembered: the next page may try again.
  void p.then((k) => {
    if (k === null && published === p) published = undefined;
  });
  return p;
}

const LEAF_PREFIX = 'rectify-event/v1\n';

/** The event id a leaf claims to hold (docs/ledger.md leaf format), or null for other bytes. */
export function eventIdOfLeaf(leaf: Uint8Array): number | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(leaf);
    if (!text.startsWith(LEAF_PREFIX)) return null;
    const id = (JSON.parse(text.slice(LEAF_PREFIX.length)) as { id?: unknown }).id;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

/**
 * The staff view's proof, which carries the leaf bytes: they must hash to the leaf hash and name this event, then
 * the inclusion is checked as for anyone.
 */
export function checkEventProof(
  proof: EventInclusion & { eventId: number; leaf: string | null },
  served: ServedCheckpoint | null,
  key: VerifierKey | null,
): Promise<ProofOutcome> {
  return checkInclusion(proof, served, key, async () => {
    if (proof.leaf === null || proof.leafHash === null) return false;
    const leaf = fromBase64(proof.leaf);
    return bytesEqual(await hashLeaf(leaf), fromBase64(proof.leafHash)) && eventIdOfLeaf(leaf) === proof.eventId;
  });
}

/** Forgets the fetched key and the checked checkpoints, so the next check starts afresh (tests; a rotated key). */
export function forgetVerifierKey(): void {
  published = undefined;
  checked.clear();
}
