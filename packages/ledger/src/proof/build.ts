import { assertIndex } from '../encoding.ts';
import { InvalidArgumentError, StoreInconsistencyError } from '../errors.ts';
import type { NodeId } from '../tree/node-id.ts';
import { nodeKey, rangeNodes } from '../tree/node-id.ts';
import { foldRange } from '../tree/root.ts';
import type { ProofRange } from './plan.ts';
import { consistencyRanges, inclusionRanges, nodesForRanges } from './plan.ts';

/**
 * Reads stored perfect-subtree hashes. Must return one hash per id, in the order given, and throw
 * if any is missing. Batched so a database answers a whole proof in one round trip.
 */
export type NodeReader = (ids: readonly NodeId[]) => Promise<Uint8Array[]>;

async function hashRanges(ranges: readonly ProofRange[], read: NodeReader): Promise<Uint8Array[]> {
  const ids = nodesForRanges(ranges);
  const hashes = await read(ids);
  if (hashes.length !== ids.length) throw new StoreInconsistencyError(`node reader returned ${hashes.length} of ${ids.length} hashes`);
  const byKey = new Map<string, Uint8Array>();
  ids.forEach((id, i) => byKey.set(nodeKey(id), hashes[i]!));
  // A range that is not a perfect subtree (the right border) is rehashed from its compact range.
  return ranges.map((r) => foldRange(rangeNodes(r.begin, r.end).map((id) => byKey.get(nodeKey(id))!)));
}

/**
 * Builds the RFC 6962 inclusion proof (audit path) of leaf `index` in the tree of `size` leaves.
 * Preconditions: 0 ≤ index < size; `read` serves every perfect node of the first `size` leaves.
 * Reads O(log size) nodes in one call.
 */
export async function buildInclusionProof(index: number, size: number, read: NodeReader): Promise<Uint8Array[]> {
  assertIndex(index, 'index');
  assertIndex(size, 'size');
  if (index >= size) throw new InvalidArgumentError(`index ${index} is beyond tree size ${size}`);
  return hashRanges(inclusionRanges(index, size), read);
}

/**
 * Builds the RFC 6962 consistency proof between tree sizes `size1` and `size2`.
 * Preconditions: 0 < size1 ≤ size2 (equal sizes give an empty proof); `read` serves the perfect
 * nodes of the first `size2` leaves. Reads O(log size2) nodes in one call.
 */
export async function buildConsistencyProof(size1: number, size2: number, read: NodeReader): Promise<Uint8Array[]> {
  assertIndex(size1, 'size1');
  assertIndex(size2, 'size2');
  if (size1 === 0) throw new InvalidArgumentError('consistency proof from the empty tree is undefined');
  if (size1 > size2) throw new InvalidArgumentError(`size1 ${size1} > size2 ${size2}`);
  return hashRanges(consistencyRanges(size1, size2), read);
}

/**
 * Root of the tree of `size` leaves from stored nodes. Precondition: `read` serves the perfect nodes
 * of the first `size` leaves. Reads at most log2(size)+1 nodes.
 */
export async function rootAt(size: number, read: NodeReader): Promise<Uint8Array> {
  assertIndex(size, 'size');
  const ids = rangeNodes(0, size);
  return foldRange(ids.length === 0 ? [] : await read(ids));
}
