import { type FlagFacts, formatRegion, maskMobile, maskName, shippingAddressSchema } from '@jadelive/shared';
import type { EvidenceFileKind, EvidenceSource } from '@jadelive/shared/evidence';
import { isoOrNull } from '../../lib/serialize';
import { type EntryProofs, verifyInstructions } from './audit-proofs';
import type { CaseEvidence, StoredImage } from './gather';
import { listingAt, SNAPSHOT_FIELDS, type SnapshotField } from './listing-history';
import type { ListingRow, OrderRow } from './sources-repository';

export interface PackageFile {
  path: string;
  kind: EvidenceFileKind;
  description: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();
export const jsonBytes = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
export const textBytes = (text: string) => encoder.encode(text);

/** Fen as 元 with two decimals, in integer arithmetic (128800 → "1288.00"). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

const publicLinks = (publicUrl: string) => ({
  liveRoom: (sessionId: string) => `${publicUrl}/live/${sessionId}`,
  listing: (listingId: string) => `${publicUrl}/listings/${listingId}`,
  verify: (lab: string, number: string) =>
    `${publicUrl}/verify?lab=${encodeURIComponent(lab)}&number=${encodeURIComponent(number)}`,
});

/** Pictures as files beside the record that names them; a picture missing from storage is a note. */
function pictureFiles(
  images: Map<string, StoredImage>,
  ids: readonly string[],
  name: (index: number, extension: string) => string,
  kind: EvidenceFileKind,
  description: string,
  notes: string[],
) {
  const files: PackageFile[] = [];
  ids.forEach((id, index) => {
    const image = images.get(id);
    if (!image?.bytes) {
      notes.push(`图片 ${id} 在平台存储中已不存在，未能提取。`);
      return;
    }
    const path = name(index + 1, EXTENSIONS[image.mimeType] ?? 'bin');
    files.push({ path, kind, description: `${description}（图片 ${id}）`, bytes: image.bytes });
  });
  return files;
}

function currentFields(listing: ListingRow): Record<SnapshotField, unknown> {
  return Object.fromEntries(SNAPSHOT_FIELDS.map((field) => [field, listing[field]])) as Record<
    SnapshotField,
    unknown
  >;
}

/** Each listing at the moments the case's leads were about it, rebuilt from recorded history. */
function listingFiles(evidence: CaseEvidence, links: ReturnType<typeof publicLinks>, notes: string[]) {
  return evidence.listings.map((listing): PackageFile => {
    const changes = evidence.listingChanges.filter((change) => change.targetId === listing.id);
    const prices = evidence.prices.filter((price) => price.listingId === listing.id);
    const moments = [
      ...evidence.flags
        .filter(({ row }) => row.listingId === listing.id)
        .map(({ row }) => ({
          lead: { kind: 'flag', id: row.id },
          at: row.saidAt,
          facts: (row.facts as FlagFacts).listing,
        })),
      ...evidence.observations
        .filter((row) => row.listingId === listing.id)
        .map((row) => ({ lead: { kind: 'observation', id: row.id }, at: row.observedAt, facts: undefined })),
      ...evidence.complaints
        .filter((row) => row.listingId === listing.id)
        .map((row) => ({ lead: { kind: 'complaint', id: row.id }, at: row.filedAt, facts: undefined })),
    ];
    if (moments.length === 0) {
      notes.push(
        `商品「${listing.title}」没有线索时间点，只提供提取时的状态（snapshot at extraction time）。`,
      );
    }
    const snapshot = (moment: (typeof moments)[number]) => ({
      lead: moment.lead,
      ...listingAt(currentFields(listing), changes, prices, moment.at, moment.facts),
    });
    return {
      path: `listings/${listing.id}.json`,
      kind: 'listing_snapshot',
      description: `商品「${listing.title}」在线索发生时的状态快照、提取时的状态和变更记录`,
      bytes: jsonBytes({
        id: listing.id,
        url: links.listing(listing.id),
        seller: { id: listing.sellerOrgId, name: listing.sellerName },
        method:
          '快照以提取时的商品数据为起点，按审计日志中该时间点之后记录的每次修改（修改前的值、状态变更前的状态）逐条倒推，价格取价格记录，库存和已售数量取合规提示当时读取并保存的数据；无法确定的字段标为 unknown，不作推测。',
        snapshots: moments.map(snapshot),
        atExtraction: { ...currentFields(listing), updatedAt: listing.updatedAt.toISOString() },
        recordedChanges: changes.map((change) => ({
          auditEntryId: change.id,
          action: change.action,
          occurredAt: change.occurredAt.toISOString(),
          details: change.details,
        })),
        priceHistory: prices.map((price) => ({
          kind: price.kind,
          priceFen: price.priceFen,
          priceYuan: price.priceFen === null ? null : yuan(price.priceFen),
          quantity: price.quantity,
          source: price.source,
          occurredAt: price.occurredAt.toISOString(),
        })),
      }),
    };
  });
}

function certificateFiles(evidence: CaseEvidence, links: ReturnType<typeof publicLinks>) {
  return evidence.certificates.map((certificate): PackageFile => {
    const lab = certificate.labOrgName ?? certificate.externalLabName ?? '';
    return {
      path: `certificates/${certificate.id}.json`,
      kind: 'certificate',
      description: `鉴定证书 ${certificate.number}（${lab}）及其状态记录`,
      bytes: jsonBytes({
        id: certificate.id,
        number: certificate.number,
        lab,
        identification: certificate.identification,
        material: certificate.material,
        weightMg: certificate.weightMg,
        weightCt100: certificate.weightCt100,
        issuedOn: certificate.issuedOn,
        status: certificate.status,
        statusChangedAt: certificate.statusChangedAt.toISOString(),
        revokeReason: certificate.revokeReason,
        verifyUrl: links.verify(lab, certificate.number),
        history: evidence.certificateEvents
          .filter((event) => event.certificateId === certificate.id)
          .map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })),
      }),
    };
  });
}

/** The buyer as far as an investigation needs: an id to ask for more, masked name and mobile, the region. */
function buyerOf(order: OrderRow) {
  const address = shippingAddressSchema.safeParse(order.shippingAddress);
  return {
    userId: order.buyerUserId,
    recipient: address.success ? maskName(address.data.recipientName) : null,
    mobile: address.success ? maskMobile(address.data.mobile) : null,
    region: address.success ? formatRegion(address.data) : null,
  };
}

function ordersFile(evidence: CaseEvidence, subjectOrderIds: ReadonlySet<string>): PackageFile {
  return {
    path: 'orders/orders.json',
    kind: 'orders',
    description: `涉案订单 ${evidence.orders.length} 笔（金额以分和元表示，买家信息已脱敏）`,
    bytes: jsonBytes({
      note: '买家只保留平台用户编号、脱敏的收货人姓名和手机号及所在地区；如需完整信息，请依法向平台调取。',
      orders: evidence.orders.map((order) => ({
        id: order.id,
        why: subjectOrderIds.has(order.id) ? 'case_subject' : 'sold_in_case_session',
        listing: { id: order.listingId, title: order.listingTitle },
        liveSessionId: order.liveSessionId,
        quantity: order.quantity,
        unitPriceFen: order.unitPriceFen,
        unitPriceYuan: yuan(order.unitPriceFen),
        totalFen: order.totalFen,
        totalYuan: yuan(order.totalFen),
        status: order.status,
        createdAt: order.createdAt.toISOString(),
        paidAt: isoOrNull(order.paidAt),
        shippedAt: isoOrNull(order.shippedAt),
        deliveredAt: isoOrNull(order.deliveredAt),
        completedAt: isoOrNull(order.completedAt),
        cancelledAt: isoOrNull(order.cancelledAt),
        refundedAt: isoOrNull(order.refundedAt),
        refundReason: order.refundReason,
        buyer: buyerOf(order),
      })),
    }),
  };
}

function leadFiles(evidence: CaseEvidence, notes: string[]): PackageFile[] {
  const number = (index: number) => pad(index + 1);
  const flags = evidence.flags.map(
    ({ row, context }, index): PackageFile => ({
      path: `flags/${number(index)}-${row.id}.json`,
      kind: 'flag_context',
      description: `合规提示：「${row.text.slice(row.startOffset, row.endOffset)}」及上下文`,
      bytes: jsonBytes({
        id: row.id,
        source: row.source,
        category: row.category,
        ruleId: row.ruleId,
        ruleSetVersion: row.ruleSetVersion,
        severity: row.severity,
        phrase: row.text.slice(row.startOffset, row.endOffset),
        text: row.text,
        basis: row.basis,
        message: row.message,
        suggestion: row.suggestion,
        saidAt: row.saidAt.toISOString(),
        recordedAt: row.createdAt.toISOString(),
        speaker: { kind: row.speakerKind, name: row.speakerName, userId: row.speakerUserId },
        sessionId: row.sessionId,
        listingId: row.listingId,
        factsCheckedAtThatTime: row.facts,
        review: row.reviewedAt
          ? { at: row.reviewedAt.toISOString(), by: row.reviewerName, note: row.reviewNote }
          : null,
        context,
      }),
    }),
  );
  const observations = evidence.observations.flatMap((row, index) => [
    {
      path: `observations/${number(index)}-${row.id}.json`,
      kind: 'observation' as const,
      description: `巡查发现（${row.recordedByName}）`,
      bytes: jsonBytes({
        id: row.id,
        note: row.note,
        url: row.url,
        sessionId: row.sessionId,
        listingId: row.listingId,
        observedAt: row.observedAt.toISOString(),
        recordedBy: { id: row.recordedBy, name: row.recordedByName },
        screenshots: row.imageIds,
      }),
    },
    ...pictureFiles(
      evidence.images,
      row.imageIds,
      (k, extension) => `screenshots/${number(index)}-${row.id}-${pad(k)}.${extension}`,
      'screenshot',
      '执法人员在观察端截取的画面',
      notes,
    ),
  ]);
  const complaints = evidence.complaints.flatMap((row, index) => [
    {
      path: `complaints/${number(index)}-${row.id}.json`,
      kind: 'complaint' as const,
      description: `消费者投诉（${row.subjectTitle}）`,
      bytes: jsonBytes({
        ...row,
        filedAt: row.filedAt.toISOString(),
        answeredAt: isoOrNull(row.answeredAt),
        escalatedAt: isoOrNull(row.escalatedAt),
      }),
    },
    ...pictureFiles(
      evidence.images,
      row.photoIds,
      (k, extension) => `complaints/${number(index)}-${row.id}-photo-${pad(k)}.${extension}`,
      'complaint_photo',
      '投诉人提交的照片',
      notes,
    ),
  ]);
  return [...flags, ...observations, ...complaints];
}

function auditFiles(proofs: EntryProofs): PackageFile[] {
  return [
    {
      path: 'audit/checkpoint.json',
      kind: 'audit_checkpoint',
      description: `审计日志已签名检查点（树大小 ${proofs.checkpoint.treeSize}）`,
      bytes: jsonBytes(proofs.checkpoint),
    },
    {
      path: 'audit/public-key.pem',
      kind: 'audit_key',
      description: `检查点签名公钥（Ed25519，${proofs.publicKey.keyId}）`,
      bytes: textBytes(proofs.publicKey.pem),
    },
    {
      path: 'audit/public-key.json',
      kind: 'audit_key',
      description: `检查点签名公钥（原始 32 字节，base64）`,
      bytes: jsonBytes({
        keyId: proofs.publicKey.keyId,
        algorithm: 'Ed25519',
        publicKey: proofs.publicKey.raw.toString('base64'),
      }),
    },
    ...proofs.proofs.map(
      (proof): PackageFile => ({
        path: `audit/entries/${proof.entry.id}.json`,
        kind: 'audit_entry',
        description: `审计记录 ${proof.entry.id}（${proof.entry.action}）及其包含证明`,
        bytes: jsonBytes({
          entry: proof.entry,
          leafIndex: proof.leafIndex,
          treeSize: proof.treeSize,
          leafHash: proof.leafHash,
          auditPath: proof.auditPath,
        }),
      }),
    ),
    {
      path: 'audit/verify.md',
      kind: 'audit_readme',
      description: '审计证明的验证方法',
      bytes: textBytes(verifyInstructions(proofs.checkpoint, proofs.proofs.length)),
    },
  ];
}

/**
 * The package's files (all but the manifest and the extraction record, which describe them), the
 * sources they were read from, and notes on what the package cannot show.
 */
export function evidenceFiles(evidence: CaseEvidence, proofs: EntryProofs, publicUrl: string) {
  const notes: string[] = [];
  const links = publicLinks(publicUrl);
  const { actions: _actions, ...caseRecord } = evidence.detail;
  const subjectOrderIds = new Set(evidence.detail.subjects.orders.map((order) => order.id));
  const files: PackageFile[] = [
    {
      path: 'case/case.json',
      kind: 'case',
      description: '案件信息、办理记录、线索与文书',
      bytes: jsonBytes(caseRecord),
    },
    ...leadFiles(evidence, notes),
    ...listingFiles(evidence, links, notes),
    ...certificateFiles(evidence, links),
    ordersFile(evidence, subjectOrderIds),
    ...auditFiles(proofs),
  ];
  const sources: EvidenceSource[] = [
    ...evidence.sessions.map((session) => ({
      kind: 'live_session' as const,
      id: session.id,
      title: session.title,
      room: session.roomName,
      url: links.liveRoom(session.id),
    })),
    ...evidence.listings.map((listing) => ({
      kind: 'listing' as const,
      id: listing.id,
      title: listing.title,
      room: null,
      url: links.listing(listing.id),
    })),
    ...[...new Set(evidence.observations.flatMap((row) => (row.url ? [row.url] : [])))].map((url) => ({
      kind: 'observed_url' as const,
      id: null,
      title: null,
      room: null,
      url,
    })),
  ];
  return { files, sources, notes };
}
