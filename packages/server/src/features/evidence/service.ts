import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import {
  EVIDENCE_FORMAT,
  EVIDENCE_MANIFEST_FILE,
  EVIDENCE_RECORD_FILE,
  type EvidenceFile,
  type EvidenceManifest,
  type EvidencePackage,
} from '@jadelive/shared/evidence';
import { type Zippable, zipSync } from 'fflate';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { notFound } from '../../http/errors';
import {
  type CaseRow,
  findCaseForRegulator,
  findRegulator,
  insertCaseEvent,
  lockCaseForRegulator,
} from '../cases/repository';
import { auditCase } from '../cases/service';
import type { Acting } from '../notices/service';
import { proveEntries } from './audit-proofs';
import { gatherCaseEvidence } from './gather';
import { evidenceFiles, jsonBytes, type PackageFile, textBytes } from './package-files';
import { beijingWords, extractionRecordHtml } from './record-html';
import { insertEvidencePackage, toEvidencePackage } from './repository';
import { AUDIT_ENTRY_LIMIT, userName } from './sources-repository';

type Deps = Pick<AppDeps, 'db' | 'images' | 'config'>;

const serverPackage = z
  .object({ name: z.string(), version: z.string() })
  .parse(JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')));

const METHOD =
  '执法人员以本人账号登录平台执法端，在线发起提取：平台服务器从其数据库读取本案关联的线索（合规提示及其前后内容、巡查发现、投诉）、商品快照、鉴定证书、订单、截图和照片及相关审计日志记录，原样导出为文件，逐一计算 SHA-256 哈希值，连同本笔录和清单（manifest.json）打包为一个 ZIP 文件，并在保存该文件的同一事务中将其 SHA-256 写入平台审计日志。';

const RECORDINGS_NOTE =
  '平台尚未保存直播录像，本证据包不含录像片段（none available）；直播画面以执法人员在观察端截取的截图为准。';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const describe = (file: PackageFile): EvidenceFile => ({
  path: file.path,
  kind: file.kind,
  sha256: sha256(file.bytes),
  bytes: file.bytes.byteLength,
  description: file.description,
});

/** The same instant on the Beijing clock with its offset: 2026-12-07T14:30:00.000+08:00. */
const beijingIso = (instant: Date) =>
  `${new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;

const ALREADY_COMPRESSED = new Set<PackageFile['kind']>(['screenshot', 'complaint_photo']);

/** One ZIP, the manifest first; every entry dated at the extraction time. */
function zipPackage(files: PackageFile[], at: Date): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    entries[file.path] = [file.bytes, { level: ALREADY_COMPRESSED.has(file.kind) ? 0 : 6, mtime: at }];
  }
  return zipSync(entries, { mtime: at });
}

function fileNameOf(caseNumber: string | null, caseId: string, at: Date) {
  const stamp = new Date(at.getTime() + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);
  const label = (caseNumber ?? caseId.slice(0, 8)).replace(/[\\/:*?"<>|\s]/g, '_');
  return `证据包-${label}-${stamp}.zip`;
}

/**
 * Reads everything the case points at, proves the audit entries behind it against one signed
 * checkpoint, and writes the files, the extraction record and the manifest into one ZIP.
 */
async function buildPackage(deps: Deps, officer: Acting, caseRow: CaseRow, extractedAt: Date) {
  const { db } = deps;
  const evidence = await gatherCaseEvidence(deps, caseRow, officer.userId);
  const proofs = await proveEntries(db, evidence.auditEntryIds);
  const { files, sources, notes } = evidenceFiles(evidence, proofs, deps.config.publicUrl);
  notes.push(
    '由消费者本人操作产生的审计记录（含其网络地址）未收入本证据包；相应事实见订单和投诉文件。',
    ...(evidence.auditEntryIds.length >= AUDIT_ENTRY_LIMIT
      ? [`相关审计记录超过 ${AUDIT_ENTRY_LIMIT} 条，只收入最新的 ${AUDIT_ENTRY_LIMIT} 条。`]
      : []),
  );
  const packageId = randomUUID();
  const base: Omit<EvidenceManifest, 'files'> = {
    format: EVIDENCE_FORMAT,
    packageId,
    case: {
      id: caseRow.id,
      number: caseRow.number,
      title: caseRow.title,
      step: caseRow.step,
      regulator: {
        id: caseRow.regulatorOrgId,
        name: caseRow.regulatorName,
        district: (await findRegulator(db, caseRow.regulatorOrgId))?.district ?? null,
      },
      party: { id: caseRow.sellerOrgId, name: caseRow.sellerName, district: caseRow.sellerDistrict },
    },
    extraction: {
      atUtc: extractedAt.toISOString(),
      atBeijing: beijingIso(extractedAt),
      officer: {
        id: officer.userId,
        name: await userName(db, officer.userId),
        organization: { id: caseRow.regulatorOrgId, name: caseRow.regulatorName },
      },
      method: METHOD,
      requestId: officer.requestId,
    },
    server: {
      publicUrl: deps.config.publicUrl,
      hostName: hostname(),
      software: {
        name: serverPackage.name,
        version: serverPackage.version,
        runtime: `Node.js ${process.version}`,
      },
    },
    sources,
    recordings: { status: 'none_available', note: RECORDINGS_NOTE },
    audit: {
      checkpoint: {
        treeSize: proofs.checkpoint.treeSize,
        rootHash: proofs.checkpoint.rootHash,
        keyId: proofs.checkpoint.keyId,
      },
      entries: proofs.proofs.length,
    },
    notes: [...new Set(notes)],
  };
  const listed = files.map(describe);
  const record: PackageFile = {
    path: EVIDENCE_RECORD_FILE,
    kind: 'record',
    description: `电子数据提取笔录（可打印），提取时间 ${beijingWords(extractedAt)}`,
    bytes: textBytes(extractionRecordHtml(base, listed)),
  };
  const manifest: EvidenceManifest = { ...base, files: [describe(record), ...listed] };
  const manifestFile: PackageFile = {
    path: EVIDENCE_MANIFEST_FILE,
    kind: 'case',
    description: '',
    bytes: jsonBytes(manifest),
  };
  return {
    packageId,
    officerName: manifest.extraction.officer.name,
    zip: zipPackage([manifestFile, record, ...files], extractedAt),
    fileCount: files.length + 2,
    checkpointTreeSize: proofs.checkpoint.treeSize,
  };
}

/**
 * Extracts an evidence package from a case for the officer and stores it with a case event and
 * an audit entry carrying its SHA-256, all in one transaction.
 */
export async function createEvidencePackage(
  deps: Deps,
  officer: Acting,
  caseId: string,
): Promise<EvidencePackage> {
  const caseRow = await findCaseForRegulator(deps.db, officer.orgId, caseId);
  if (!caseRow) throw notFound('case');
  const extractedAt = new Date();
  const { packageId, officerName, zip, fileCount, checkpointTreeSize } = await buildPackage(
    deps,
    officer,
    caseRow,
    extractedAt,
  );
  const stored = {
    id: packageId,
    caseId,
    regulatorOrgId: officer.orgId,
    fileName: fileNameOf(caseRow.number, caseRow.id, extractedAt),
    sha256: sha256(zip),
    byteSize: zip.byteLength,
    fileCount,
    checkpointTreeSize,
    extractedBy: officer.userId,
    extractedAt,
  };
  await deps.db.transaction().execute(async (trx) => {
    // Still the regulator's case (not transferred away while the package was being made).
    if (!(await lockCaseForRegulator(trx, officer.orgId, caseId))) throw notFound('case');
    await insertEvidencePackage(trx, { ...stored, content: Buffer.from(zip) });
    const details = {
      packageId,
      sha256: stored.sha256,
      byteSize: stored.byteSize,
      fileCount: stored.fileCount,
      checkpointTreeSize: stored.checkpointTreeSize,
    };
    await insertCaseEvent(trx, {
      caseId,
      kind: 'evidence_packaged',
      actorUserId: officer.userId,
      actorOrgId: officer.orgId,
      details,
    });
    await auditCase(trx, officer, 'case.evidence_packaged', caseId, details);
  });
  return toEvidencePackage({ ...stored, extractedByName: officerName });
}
