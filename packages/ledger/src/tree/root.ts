import { EMPTY_ROOT, hashChildren } from '../hasher.ts';

/**
 * Folds the compact-range hashes of [0, size) (left to right) into the tree root: RFC 6962
 * hashes the right-most, smallest subtrees together first.
 * An empty list gives the empty-tree root.
 */
export function foldRange(hashes: readonly Uint8Array[]): Uint8Array {
  const last = hashes[hashes.length - 1];
  if (last === undefined) return EMPTY_ROOT;
  let acc = last;
  for (let i = hashes.length - 2; i >= 0; i--) acc = hashChildren(hashes[i]!, acc);
  return acc;
}

/** RFC 6962 Merkle tree hash of the given leaf hashes (any count, including 0). */
export function rootFromLeafHashes(leafHashes: readonly Uint8Array[]): Uint8Array {
  const stack: Uint8Array[] = [];
  const sizes: number[] = [];
  for (const h of leafHashes) {
    let cur = h;
    let size = 1;
    while (sizes.length > 0 && sizes[sizes.length - 1] === size) {
      cur = hashChildren(stack.pop()!, cur);
      sizes.pop();
      size *= 2;
    }
    stack.push(cur);
    sizes.push(size);
  }
  return foldRange(stack);
}
