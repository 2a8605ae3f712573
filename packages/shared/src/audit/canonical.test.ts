import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { auditEntryBytes, auditLeafHash, type CanonicalAuditEntry, canonicalJson } from './canonical';
import { checkpointBody } from './checkpoint';

const entry: CanonicalAuditEntry = {
  id: 42,
  occurredAt: '2026-12-07T01:02:03.456789Z',
  action: 'member.role_changed',
  actorUserId: '6f1c8a52-0000-4000-8000-000000000001',
  actorTokenId: null,
  organizationId: '6f1c8a52-0000-4000-8000-000000000002',
  targetType: 'user',
  targetId: 'u-1',
  ip: '192.0.2.1',
  requestId: 'req-1',
  details: { to: 'admin', from: 'staff', note: '翡翠 "A货"\n', amounts: [1, 2.5, -0, 1e21] },
};

describe('canonical audit entry bytes', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' }, A: 0 })).toBe(
      '{"A":0,"a":{"c":"x","d":[true,null]},"b":1}',
    );
    // UTF-16 code units, as RFC 8785 says: U+1F600 (D83D DE00) sorts before U+FF5A.
    expect(canonicalJson({ é: 1, z: 2, ｚ: 4, '\u{1F600}': 3 })).toBe('{"z":2,"é":1,"\u{1F600}":3,"ｚ":4}');
  });

  it('covers every stored column and nothing else, in one fixed layout', () => {
    const bytes = auditEntryBytes({ ...entry, extra: 'ignored' } as CanonicalAuditEntry);
    const expected =
      '{"action":"member.role_changed","actorTokenId":null,"actorUserId":"6f1c8a52-0000-4000-8000-000000000001",' +
      '"details":{"amounts":[1,2.5,0,1e+21],"from":"staff","note":"翡翠 \\"A货\\"\\n","to":"admin"},' +
      '"id":42,"ip":"192.0.2.1","occurredAt":"2026-12-07T01:02:03.456789Z",' +
      '"organizationId":"6f1c8a52-0000-4000-8000-000000000002","requestId":"req-1","targetId":"u-1","targetType":"user"}';
    expect(bytesToHex(bytes)).toBe(bytesToHex(utf8ToBytes(expected)));
    const leaf = bytesToHex(sha256(new Uint8Array([0, ...auditEntryBytes(entry)])));
    expect(bytesToHex(auditLeafHash(entry))).toBe(leaf);
  });

  it('changes its leaf hash when any single column changes', () => {
    const base = bytesToHex(auditLeafHash(entry));
    const changes: Partial<CanonicalAuditEntry>[] = [
      { id: 43 },
      { occurredAt: '2026-12-07T01:02:03.456790Z' },
      { action: 'member.removed' },
      { actorUserId: null },
      { actorTokenId: '6f1c8a52-0000-4000-8000-000000000003' },
      { organizationId: null },
      { targetType: 'token' },
      { targetId: 'u-2' },
      { ip: '192.0.2.2' },
      { requestId: null },
      { details: { ...entry.details, to: 'owner' } },
    ];
    for (const change of changes) {
      expect(bytesToHex(auditLeafHash({ ...entry, ...change })), JSON.stringify(change)).not.toBe(base);
    }
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError);
  });

  it('a checkpoint body is five newline-terminated lines', () => {
    const body = checkpointBody({
      treeSize: 7,
      rootHash: 'ab'.repeat(32),
      issuedAt: '2026-12-07T01:02:03.456Z',
      keyId: '0123456789abcdef',
    });
    expect(body).toBe(
      `jadelive-audit-log/v1\nsize 7\nroot ${'ab'.repeat(32)}\ntime 2026-12-07T01:02:03.456Z\nkey 0123456789abcdef\n`,
    );
    expect(utf8ToBytes(body).length).toBe(body.length);
  });
});
