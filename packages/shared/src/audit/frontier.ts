import { sha256 } from '@noble/hashes/sha2.js';
import {
  emptyRoot,
  foldRange,
  type HashFunction,
  type LeafRange,
  nodeHash,
  type PerfectNode,
  perfectNodes,
} from './merkle';

export interface HashedNode extends PerfectNode {
  hash: Uint8Array;
}

/**
 * The right edge of an append-only Merkle tree: the hashes of the complete subtrees that make up
 * its first `size` leaves, largest first (the binary expansion of `size`). That is all it takes to
 * append a leaf and to compute the root, so a log of any length is extended in O(log n).
 */
export class MerkleFrontier {
  private constructor(
    private readonly nodes: HashedNode[],
    private count: number,
    private readonly hash: HashFunction,
  ) {}

  static empty(hash: HashFunction = sha256): MerkleFrontier {
    return new MerkleFrontier([], 0, hash);
  }

  /** Rebuilds the frontier of a tree of `size` from its stored nodes (`frontierNodes(size)`). */
  static fromNodes(size: number, nodes: HashedNode[], hash: HashFunction = sha256): MerkleFrontier {
    const expected = frontierNodes(size);
    if (
      nodes.length !== expected.length ||
      nodes.some((node, i) => node.level !== expected[i]?.level || node.index !== expected[i]?.index)
    ) {
      throw new Error(`the stored nodes are not the frontier of a tree of ${size}`);
    }
    return new MerkleFrontier([...nodes], size, hash);
  }

  get size(): number {
    return this.count;
  }

  clone(): MerkleFrontier {
    return new MerkleFrontier([...this.nodes], this.count, this.hash);
  }

  /** Appends a leaf; `onNode` sees each complete subtree (level ≥ 1) the leaf completes, lowest first. */
  append(leafHash: Uint8Array, onNode?: (node: HashedNode) => void): void {
    let carry: HashedNode = { level: 0, index: this.count, hash: leafHash };
    for (let last = this.nodes.at(-1); last && last.level === carry.level; last = this.nodes.at(-1)) {
      this.nodes.pop();
      carry = {
        level: carry.level + 1,
        index: last.index / 2,
        hash: nodeHash(last.hash, carry.hash, this.hash),
      };
      onNode?.(carry);
    }
    this.nodes.push(carry);
    this.count++;
  }

  /** MTH of the tree so far. */
  root(): Uint8Array {
    if (this.count === 0) return emptyRoot(this.hash);
    return foldRange(
      this.nodes.map((node) => node.hash),
      this.hash,
    );
  }
}

/** Which complete subtrees form the frontier of a tree of `size`. */
export function frontierNodes(size: number): PerfectNode[] {
  return size === 0 ? [] : perfectNodes({ start: 0, end: size });
}

/** MTH(D[start:end]) computed from all its leaf hashes: the reference definition, for tests and small trees. */
export function rangeHashFromLeaves(
  leafHashes: Uint8Array[],
  range: LeafRange,
  hash: HashFunction = sha256,
): Uint8Array {
  const frontier = MerkleFrontier.empty(hash);
  for (let i = range.start; i < range.end; i++) {
    const leaf = leafHashes[i];
    if (!leaf) throw new RangeError(`no leaf ${i}`);
    frontier.append(leaf);
  }
  return frontier.root();
}
