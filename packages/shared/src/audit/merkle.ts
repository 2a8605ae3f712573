import { sha256 } from '@noble/hashes/sha2.js';

/**
 * Merkle tree math of RFC 6962 §2.1 (the tree Certificate Transparency logs use), pure and
 * browser-safe so that anyone outside the platform can check our proofs with the same code.
 * Hashing is SHA-256 from `@noble/hashes` unless a caller passes a faster one with the same result
 * (the server passes node:crypto's). Sizes and indexes are JS numbers: exact up to 2^53.
 */
export type HashFunction = (data: Uint8Array) => Uint8Array;

export const HASH_BYTES = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** SHA-256(0x00 ‖ data): the hash of one entry's bytes. */
export function leafHash(data: Uint8Array, hash: HashFunction = sha256): Uint8Array {
  return hash(concat(LEAF_PREFIX, data));
}

/** SHA-256(0x01 ‖ left ‖ right): the hash of an interior node. */
export function nodeHash(left: Uint8Array, right: Uint8Array, hash: HashFunction = sha256): Uint8Array {
  return hash(concat(NODE_PREFIX, left, right));
}

/** The root of the empty tree: SHA-256 of no bytes. */
export function emptyRoot(hash: HashFunction = sha256): Uint8Array {
  return hash(new Uint8Array(0));
}

/** The largest power of two strictly below `n` (n ≥ 2), the split point k of RFC 6962. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Leaves [start, end) of the tree; every node a proof needs is such a range. */
export interface LeafRange {
  start: number;
  end: number;
}

/** A complete subtree of 2^level leaves starting at leaf index × 2^level, as stored. */
export interface PerfectNode {
  level: number;
  index: number;
}

/**
 * The ranges whose hashes form the audit path PATH(m, D[n]) of RFC 6962 §2.1.1, leaf's sibling
 * first. Throws unless 0 ≤ leafIndex < treeSize.
 */
export function inclusionRanges(leafIndex: number, treeSize: number): LeafRange[] {
  if (!(Number.isSafeInteger(leafIndex) && Number.isSafeInteger(treeSize) && leafIndex >= 0)) {
    throw new RangeError('leaf index and tree size must be non-negative integers');
  }
  if (leafIndex >= treeSize) throw new RangeError(`leaf ${leafIndex} is not in a tree of ${treeSize}`);
  const siblings: LeafRange[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (leafIndex < start + k) {
      siblings.push({ start: start + k, end });
      end = start + k;
    } else {
      siblings.push({ start, end: start + k });
      start += k;
    }
  }
  return siblings.reverse();
}

/**
 * The ranges whose hashes form the consistency proof PROOF(m, D[n]) of RFC 6962 §2.1.2.
 * Empty when the sizes are equal (or the old tree is empty); throws unless 0 ≤ oldSize ≤ newSize.
 */
export function consistencyRanges(oldSize: number, newSize: number): LeafRange[] {
  if (!(Number.isSafeInteger(oldSize) && Number.isSafeInteger(newSize) && oldSize >= 0)) {
    throw new RangeError('tree sizes must be non-negative integers');
  }
  if (oldSize > newSize) throw new RangeError(`a tree of ${oldSize} cannot grow into one of ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  // SUBPROOF(m, D[start:end], startsAtOldRoot), unrolled: each step adds one range, deepest last.
  const proof: LeafRange[] = [];
  let start = 0;
  let end = newSize;
  let m = oldSize;
  let startsAtOldRoot = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      proof.push({ start: start + k, end });
      end = start + k;
    } else {
      proof.push({ start, end: start + k });
      m -= k;
      start += k;
      startsAtOldRoot = false;
    }
  }
  if (!startsAtOldRoot) proof.push({ start, end });
  return proof.reverse();
}

/**
 * The complete subtrees whose hashes make up the range [start, end), largest first. A range of
 * the RFC 6962 tree starts at a multiple of a power of two above its length, so this is the
 * binary expansion of its length.
 */
export function perfectNodes({ start, end }: LeafRange): PerfectNode[] {
  const nodes: PerfectNode[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= end) size *= 2;
    nodes.push({ level: Math.log2(size), index: at / size });
    at += size;
  }
  return nodes;
}

/** MTH of a range from the hashes of its `perfectNodes`, in that order: folded from the right. */
export function foldRange(pieces: Uint8Array[], hash: HashFunction = sha256): Uint8Array {
  const last = pieces.at(-1);
  if (!last) throw new RangeError('an empty range has no hash');
  let result = last;
  for (let i = pieces.length - 2; i >= 0; i--) result = nodeHash(pieces[i] as Uint8Array, result, hash);
  return result;
}

const isHash = (value: Uint8Array) => value.length === HASH_BYTES;

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

// Bit operations on sizes beyond 2^31: JS's bitwise operators are 32-bit, so arithmetic instead.
const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/**
 * One step up the tree in RFC 9162's verification (§2.1.3.2, §2.1.4.2): whether the next proof
 * hash joins from the right of the path (`fn` odd, or the last node of its level, which then
 * skips the levels where it has no sibling), and the node and last-node numbers one level up.
 */
function climb(fn: number, sn: number): { fromRight: boolean; fn: number; sn: number } {
  if (!isOdd(fn) && fn !== sn) return { fromRight: false, fn: half(fn), sn: half(sn) };
  let f = fn;
  let s = sn;
  while (!isOdd(f) && f !== 0) {
    f = half(f);
    s = half(s);
  }
  return { fromRight: true, fn: half(f), sn: half(s) };
}

/**
 * The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null when the proof cannot be one
 * for this index and size (wrong length, hashes not 32 bytes).
 */
export function rootFromInclusion(
  input: { leafIndex: number; treeSize: number; leafHash: Uint8Array; auditPath: Uint8Array[] },
  hash: HashFunction = sha256,
): Uint8Array | null {
  const { leafIndex, treeSize, auditPath } = input;
  if (!(Number.isSafeInteger(leafIndex) && Number.isSafeInteger(treeSize))) return null;
  if (leafIndex < 0 || leafIndex >= treeSize || !isHash(input.leafHash) || !auditPath.every(isHash)) {
    return null;
  }
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = input.leafHash;
  for (const p of auditPath) {
    if (sn === 0) return null;
    const step = climb(fn, sn);
    r = step.fromRight ? nodeHash(p, r, hash) : nodeHash(r, p, hash);
    ({ fn, sn } = step);
  }
  return sn === 0 ? r : null;
}

/** Whether `auditPath` proves that `leafHash` is leaf `leafIndex` of the tree of `treeSize` with `root`. */
export function verifyInclusion(
  input: {
    leafIndex: number;
    treeSize: number;
    leafHash: Uint8Array;
    auditPath: Uint8Array[];
    root: Uint8Array;
  },
  hash: HashFunction = sha256,
): boolean {
  const computed = rootFromInclusion(input, hash);
  return computed !== null && isHash(input.root) && equalBytes(computed, input.root);
}

/**
 * Whether `proof` shows that the tree of `newSize` with `newRoot` extends the tree of `oldSize`
 * with `oldRoot` (RFC 9162 §2.1.4.2): nothing before `oldSize` was changed, removed or reordered.
 * Equal sizes need equal roots and an empty proof; an empty old tree is consistent with any tree.
 */
export function verifyConsistency(
  input: { oldSize: number; newSize: number; oldRoot: Uint8Array; newRoot: Uint8Array; proof: Uint8Array[] },
  hash: HashFunction = sha256,
): boolean {
  const { oldSize, newSize, oldRoot, newRoot, proof } = input;
  if (!(Number.isSafeInteger(oldSize) && Number.isSafeInteger(newSize))) return false;
  if (oldSize < 0 || oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && equalBytes(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0 || !proof.every(isHash) || !isHash(oldRoot) || !isHash(newRoot)) return false;
  // When the old tree is a complete subtree, its root is the proof's implicit first element.
  const path = Number.isInteger(Math.log2(oldSize)) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    const step = climb(fn, sn);
    if (step.fromRight) {
      fr = nodeHash(c, fr, hash);
      sr = nodeHash(c, sr, hash);
    } else {
      sr = nodeHash(sr, c, hash);
    }
    ({ fn, sn } = step);
  }
  return sn === 0 && equalBytes(fr, oldRoot) && equalBytes(sr, newRoot);
}
