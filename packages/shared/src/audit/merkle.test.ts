import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { frontierNodes, MerkleFrontier, rangeHashFromLeaves } from './frontier';
import {
  consistencyRanges,
  foldRange,
  inclusionRanges,
  type LeafRange,
  leafHash,
  perfectNodes,
  rootFromInclusion,
  verifyConsistency,
  verifyInclusion,
} from './merkle';
import {
  CONSISTENCY_PROOFS,
  INCLUSION_PROOFS,
  LEAF_INPUTS,
  NODE_HASHES,
  ROOTS,
  referenceRoot,
} from './rfc6962-vectors';

const SOME_HASH = hexToBytes('abacaba000000000000000000000000000000000000000000060061e00123456');
const leaves = LEAF_INPUTS.map((input) => leafHash(input));
const root = (size: number) => hexToBytes(ROOTS[size] as string);
const hexes = (hashes: Uint8Array[]) => hashes.map(bytesToHex);
const hashesOf = (ranges: LeafRange[], leafHashes: Uint8Array[]) =>
  ranges.map((range) => rangeHashFromLeaves(leafHashes, range));

function flipBit(hashes: Uint8Array[], at: number, mask: number): Uint8Array[] {
  return hashes.map((hash, i) =>
    i === at ? Uint8Array.from(hash, (b, j) => (j === 0 ? b ^ mask : b)) : hash,
  );
}

describe('RFC 6962 vectors', () => {
  it('roots of the trees of sizes 0..8', () => {
    for (let size = 0; size <= 8; size++) {
      const frontier = MerkleFrontier.empty();
      for (const leaf of leaves.slice(0, size)) frontier.append(leaf);
      expect(bytesToHex(frontier.root()), `size ${size}`).toBe(ROOTS[size]);
      expect(bytesToHex(referenceRoot(leaves.slice(0, size)))).toBe(ROOTS[size]);
    }
  });

  it('every complete subtree, as the frontier reports them while appending', () => {
    const seen: string[][] = [leaves.map((leaf) => bytesToHex(leaf))];
    const frontier = MerkleFrontier.empty();
    for (const leaf of leaves) {
      frontier.append(leaf, (node) => {
        seen[node.level] = seen[node.level] ?? [];
        (seen[node.level] as string[])[node.index] = bytesToHex(node.hash);
      });
    }
    expect(seen).toEqual(NODE_HASHES);
  });

  it('inclusion proofs: generated as listed, verified, and every corruption probe refused', () => {
    for (const vector of INCLUSION_PROOFS) {
      const { leafIndex, treeSize } = vector;
      const path = vector.path.map(hexToBytes);
      expect(hexes(hashesOf(inclusionRanges(leafIndex, treeSize), leaves))).toEqual(vector.path);
      const leaf = leaves[leafIndex] as Uint8Array;
      const good = { leafIndex, treeSize, leafHash: leaf, auditPath: path, root: root(treeSize) };
      expect(bytesToHex(rootFromInclusion(good) ?? new Uint8Array())).toBe(ROOTS[treeSize]);
      expect(verifyInclusion(good)).toBe(true);

      const probes: Record<string, Parameters<typeof verifyInclusion>[0]> = {
        'leafIndex - 1': { ...good, leafIndex: leafIndex - 1 },
        'leafIndex + 1': { ...good, leafIndex: leafIndex + 1 },
        'leafIndex ^ 2': { ...good, leafIndex: leafIndex ^ 2 },
        'treeSize * 2': { ...good, treeSize: treeSize * 2 },
        'treeSize / 2': { ...good, treeSize: Math.floor(treeSize / 2) },
        'wrong leaf': { ...good, leafHash: utf8ToBytes('WrongLeaf') },
        'empty root': { ...good, root: root(0) },
        'random root': { ...good, root: SOME_HASH },
        'trailing garbage': { ...good, auditPath: [...path, new Uint8Array()] },
        'trailing root': { ...good, auditPath: [...path, root(treeSize)] },
        'preceding garbage': { ...good, auditPath: [new Uint8Array(), ...path] },
        'preceding root': { ...good, auditPath: [root(treeSize), ...path] },
        'removed component': { ...good, auditPath: path.slice(0, -1) },
        'inserted component': { ...good, auditPath: [path[0] as Uint8Array, SOME_HASH, ...path.slice(1)] },
      };
      path.forEach((_, i) => {
        probes[`proof[${i}] bit 3 flipped`] = { ...good, auditPath: flipBit(path, i, 8) };
      });
      const accepted = Object.entries(probes).filter(([, probe]) => verifyInclusion(probe));
      expect(
        accepted.map(([name]) => name),
        `leaf ${leafIndex} of ${treeSize}`,
      ).toEqual([]);
    }
  });

  it('consistency proofs: generated as listed, verified, and every corruption probe refused', () => {
    for (const vector of CONSISTENCY_PROOFS) {
      const { oldSize, newSize } = vector;
      const proof = vector.proof.map(hexToBytes);
      expect(hexes(hashesOf(consistencyRanges(oldSize, newSize), leaves))).toEqual(vector.proof);
      const good = { oldSize, newSize, oldRoot: root(oldSize), newRoot: root(newSize), proof };
      expect(verifyConsistency(good)).toBe(true);
      if (proof.length === 0) continue;

      const probes: Record<string, Parameters<typeof verifyConsistency>[0]> = {
        'oldSize - 1': { ...good, oldSize: oldSize - 1 },
        'oldSize + 1': { ...good, oldSize: oldSize + 1 },
        'oldSize ^ 2': { ...good, oldSize: oldSize ^ 2 },
        'newSize * 2': { ...good, newSize: newSize * 2 },
        'newSize / 2': { ...good, newSize: Math.floor(newSize / 2) },
        'wrong old root': { ...good, oldRoot: utf8ToBytes('WrongRoot') },
        'wrong new root': { ...good, newRoot: utf8ToBytes('WrongRoot') },
        'swapped roots': { ...good, oldRoot: good.newRoot, newRoot: good.oldRoot },
        'empty proof': { ...good, proof: [] },
        'trailing garbage': { ...good, proof: [...proof, new Uint8Array()] },
        'trailing old root': { ...good, proof: [...proof, good.oldRoot] },
        'trailing new root': { ...good, proof: [...proof, good.newRoot] },
        'preceding garbage': { ...good, proof: [new Uint8Array(), ...proof] },
        'preceding old root': { ...good, proof: [good.oldRoot, ...proof] },
        'preceding new root': { ...good, proof: [good.newRoot, ...proof] },
        'preceding proof[0]': { ...good, proof: [proof[0] as Uint8Array, ...proof] },
        'truncated proof': { ...good, proof: proof.slice(0, -1) },
      };
      proof.forEach((_, i) => {
        probes[`proof[${i}] bit 4 flipped`] = { ...good, proof: flipBit(proof, i, 16) };
      });
      const accepted = Object.entries(probes).filter(([, probe]) => verifyConsistency(probe));
      expect(
        accepted.map(([name]) => name),
        `${oldSize} → ${newSize}`,
      ).toEqual([]);
    }
  });

  it('degenerate inclusion and consistency cases', () => {
    const single = leafHash(utf8ToBytes('data'));
    expect(
      verifyInclusion({ leafIndex: 0, treeSize: 1, leafHash: single, auditPath: [], root: single }),
    ).toBe(true);
    expect(
      verifyInclusion({ leafIndex: 0, treeSize: 1, leafHash: new Uint8Array(), auditPath: [], root: single }),
    ).toBe(false);
    for (const [leafIndex, treeSize] of [
      [0, 0],
      [1, 0],
      [2, 1],
      [-1, 4],
    ] as const) {
      const probe = { leafIndex, treeSize, leafHash: SOME_HASH, auditPath: [], root: root(0) };
      expect(verifyInclusion(probe), `${leafIndex} of ${treeSize}`).toBe(false);
      expect(() => inclusionRanges(leafIndex, treeSize)).toThrow(RangeError);
    }
    const [a, b] = [root(1), root(2)];
    expect(verifyConsistency({ oldSize: 0, newSize: 0, oldRoot: a, newRoot: a, proof: [] })).toBe(true);
    expect(verifyConsistency({ oldSize: 0, newSize: 1, oldRoot: a, newRoot: b, proof: [] })).toBe(true);
    expect(verifyConsistency({ oldSize: 1, newSize: 1, oldRoot: a, newRoot: b, proof: [] })).toBe(false);
    expect(verifyConsistency({ oldSize: 1, newSize: 1, oldRoot: a, newRoot: a, proof: [a] })).toBe(false);
    expect(verifyConsistency({ oldSize: 0, newSize: 1, oldRoot: a, newRoot: a, proof: [a] })).toBe(false);
    expect(verifyConsistency({ oldSize: 2, newSize: 1, oldRoot: a, newRoot: b, proof: [] })).toBe(false);
    expect(verifyConsistency({ oldSize: 1, newSize: 2, oldRoot: a, newRoot: b, proof: [] })).toBe(false);
    expect(() => consistencyRanges(3, 2)).toThrow(RangeError);
  });
});

describe('proofs from stored complete subtrees, against the reference, for every tree up to 50 leaves', () => {
  const many = Array.from({ length: 50 }, (_, i) => leafHash(utf8ToBytes(`entry ${i}`)));
  const fromPerfectNodes = (range: LeafRange) =>
    foldRange(
      perfectNodes(range).map(({ level, index }) =>
        rangeHashFromLeaves(many, { start: index * 2 ** level, end: (index + 1) * 2 ** level }),
      ),
    );

  it('every inclusion and consistency proof verifies against the reference root', () => {
    for (let size = 1; size <= many.length; size++) {
      const rootHash = referenceRoot(many.slice(0, size));
      for (let leafIndex = 0; leafIndex < size; leafIndex++) {
        const auditPath = inclusionRanges(leafIndex, size).map(fromPerfectNodes);
        const leaf = many[leafIndex] as Uint8Array;
        expect(
          verifyInclusion({ leafIndex, treeSize: size, leafHash: leaf, auditPath, root: rootHash }),
        ).toBe(true);
      }
      for (let oldSize = 1; oldSize <= size; oldSize++) {
        const proof = consistencyRanges(oldSize, size).map(fromPerfectNodes);
        const oldRoot = referenceRoot(many.slice(0, oldSize));
        expect(verifyConsistency({ oldSize, newSize: size, oldRoot, newRoot: rootHash, proof })).toBe(true);
      }
    }
  });

  it('a frontier rebuilt from stored nodes continues the same tree', () => {
    const frontier = MerkleFrontier.empty();
    for (const leaf of many.slice(0, 45)) frontier.append(leaf);
    const stored = frontierNodes(45).map(({ level, index }) => ({
      level,
      index,
      hash: rangeHashFromLeaves(many, { start: index * 2 ** level, end: (index + 1) * 2 ** level }),
    }));
    const rebuilt = MerkleFrontier.fromNodes(45, stored);
    for (const leaf of many.slice(45)) rebuilt.append(leaf);
    expect(bytesToHex(rebuilt.root())).toBe(bytesToHex(referenceRoot(many)));
    expect(() => MerkleFrontier.fromNodes(46, stored)).toThrow();
  });

  it('sizes beyond 2^32 keep their arithmetic (no 32-bit bit operations)', () => {
    const size = 2 ** 40 + 5;
    const ranges = inclusionRanges(2 ** 40 + 3, size);
    expect(ranges).toEqual([
      { start: 2 ** 40 + 2, end: 2 ** 40 + 3 },
      { start: 2 ** 40, end: 2 ** 40 + 2 },
      { start: 2 ** 40 + 4, end: 2 ** 40 + 5 },
      { start: 0, end: 2 ** 40 },
    ]);
    expect(perfectNodes({ start: 0, end: size })).toEqual([
      { level: 40, index: 0 },
      { level: 2, index: 2 ** 38 },
      { level: 0, index: 2 ** 40 + 4 },
    ]);
  });
});
