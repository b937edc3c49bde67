import type { EventProof, SubjectProofs } from '../service.ts';

/**
 * Checks in the browser, with WebCrypto, that an event is in the transparency log: the leaf bytes hash to the
 * leaf hash (RFC 6962: SHA-256(0x00 ‖ leaf)), the leaf names this event, and the inclusion proof leads from the
 * leaf hash to the root of the latest checkpoint (RFC 9162 §2.1.3.2, nodes SHA-256(0x01 ‖ left ‖ right)).
 * The same algorithm as packages/ledger/src/proof/verify.ts, which runs on Node's crypto and cannot be bundled.
 */

export type ProofOutcome = 'verified' | 'failed' | 'sequenced' | 'pending';

const LEAF_PREFIX = 'rectify-event/v1\n';

export function fromBase64(b64: string): Uint8Array {
  const raw = atob(b64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

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

export const hashLeaf = (leaf: Uint8Array) => sha256(LEAF, leaf);
export const hashChildren = (left: Uint8Array, right: Uint8Array) => sha256(NODE, left, right);

function equal(a: Uint8Array, b: Uint8Array): boolean {
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

/** The event id a leaf claims to hold (docs/ledger.md leaf format), or null for other bytes. */
function eventIdOfLeaf(leaf: Uint8Array): number | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(leaf);
    if (!text.startsWith(LEAF_PREFIX)) return null;
    const id = (JSON.parse(text.slice(LEAF_PREFIX.length)) as { id?: unknown }).id;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

/** Verifies one event's proof against the checkpoint the server answered with. */
export async function checkEventProof(
  proof: EventProof,
  checkpoint: SubjectProofs['checkpoint'],
): Promise<ProofOutcome> {
  if (proof.status === 'pending') return 'pending';
  if (proof.status === 'sequenced' || !checkpoint) return 'sequenced';
  if (proof.leaf === null || proof.leafHash === null || proof.leafIndex === null || proof.inclusionProof === null)
    return 'failed';
  try {
    const leaf = fromBase64(proof.leaf);
    const leafHash = await hashLeaf(leaf);
    if (!equal(leafHash, fromBase64(proof.leafHash))) return 'failed';
    if (eventIdOfLeaf(leaf) !== proof.eventId) return 'failed';
    const root = await rootFromInclusionProof(
      proof.leafIndex,
      checkpoint.size,
      leafHash,
      proof.inclusionProof.map(fromBase64),
    );
    return root !== null && equal(root, fromBase64(checkpoint.root)) ? 'verified' : 'failed';
  } catch {
    return 'failed';
  }
}
