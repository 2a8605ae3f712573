import type { EvidenceFile, EvidenceManifest } from '@jadelive/shared/evidence';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (value: string | number | null) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** 2026-12-07T06:30:00.000Z → 2026年12月07日 14时30分00秒 (Beijing time). */
export function beijingWords(instant: Date): string {
  const b = new Date(instant.getTime() + 8 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCFullYear()}年${two(b.getUTCMonth() + 1)}月${two(b.getUTCDate())}日 ${two(b.getUTCHours())}时${two(b.getUTCMinutes())}分${two(b.getUTCSeconds())}秒`;
}

const SOURCE_KIND: Record<EvidenceManifest['sources'][number]['kind'], string> = {
  live_session: '直播间',
  listing: '商品页面',
  observed_url: '巡查网址',
};

const STYLE = `
body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; margin: 24px auto; max-width: 900px; color: #111; line-height: 1.6; }
h1 { text-align: center; letter-spacing: 0.3em; font-size: 24px; margin-bottom: 4px; }
.sub { text-align: center; color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 12px 0; }
th, td { border: 1px solid #333; padding: 4px 8px; vertical-align: top; text-align: left; }
th { white-space: nowrap; background: #f2f2f2; width: 9em; }
.files td { font-size: 12px; }
.hash { font-family: "Courier New", monospace; word-break: break-all; font-size: 11px; }
.signatures td { height: 56px; }
@media print { body { margin: 0; max-width: none; } th { background: none; } a { color: inherit; text-decoration: none; } }
`;

/**
 * The printable 电子数据提取笔录 of a package: the case, the party, where and how the data was
 * extracted, when and by whom, every file with its SHA-256, and lines for the signatures.
 */
export function extractionRecordHtml(
  manifest: Omit<EvidenceManifest, 'files'>,
  files: EvidenceFile[],
): string {
  const at = new Date(manifest.extraction.atUtc);
  const row = (label: string, value: string) => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`;
  const sources = manifest.sources.length
    ? manifest.sources
        .map(
          (source) =>
            `${escapeHtml(SOURCE_KIND[source.kind])}${source.title ? `「${escapeHtml(source.title)}」` : ''}${
              source.room ? `（房间 ${escapeHtml(source.room)}）` : ''
            }：<a href="${escapeHtml(source.url)}">${escapeHtml(source.url)}</a>`,
        )
        .join('<br>')
    : '无';
  const fileRows = files
    .map(
      (file, index) =>
        `<tr><td>${index + 1}</td><td>${escapeHtml(file.path)}</td><td>${escapeHtml(file.description)}</td><td>${file.bytes}</td><td class="hash">${file.sha256}</td></tr>`,
    )
    .join('\n');
  const notes = manifest.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('');
  const { checkpoint } = manifest.audit;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>电子数据提取笔录 ${escapeHtml(manifest.case.number ?? manifest.case.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>电子数据提取笔录</h1>
<p class="sub">${escapeHtml(manifest.case.regulator.name)}</p>
<table>
${row('案号', escapeHtml(manifest.case.number ?? '（尚未立案）'))}
${row('案由', escapeHtml(manifest.case.title))}
${row('当事人', `${escapeHtml(manifest.case.party.name)}${manifest.case.party.district ? `（${escapeHtml(manifest.case.party.district)}）` : ''}`)}
${row('提取时间', `${escapeHtml(beijingWords(at))}（北京时间）<br>${escapeHtml(manifest.extraction.atUtc)}（UTC）`)}
${row('提取人', `${escapeHtml(manifest.extraction.officer.name)}（${escapeHtml(manifest.extraction.officer.organization.name)}）`)}
${row('电子数据来源', sources)}
${row('提取地点', `平台服务器 ${escapeHtml(manifest.server.hostName)}，对外地址 ${escapeHtml(manifest.server.publicUrl)}，软件 ${escapeHtml(manifest.server.software.name)} ${escapeHtml(manifest.server.software.version)}`)}
${row('提取方法', escapeHtml(manifest.extraction.method))}
${row('录音录像', escapeHtml(manifest.recordings.note))}
${row('完整性校验', `每个文件的 SHA-256 哈希值见下表及 manifest.json；审计日志检查点：树大小 ${checkpoint.treeSize}，根哈希 <span class="hash">${checkpoint.rootHash}</span>，签名密钥 ${escapeHtml(checkpoint.keyId)}，包含证明 ${manifest.audit.entries} 条（见 audit/verify.md）。证据包整体的 SHA-256 已在保存时写入平台审计日志。`)}
</table>
<h2>提取文件清单</h2>
<table class="files">
<tr><th>序号</th><th>文件</th><th>内容</th><th>大小（字节）</th><th>SHA-256</th></tr>
${fileRows}
</table>
${notes ? `<h2>说明</h2><ul>${notes}</ul>` : ''}
<p>以上电子数据系执法人员通过平台执法端在线提取，提取过程未对原始数据作任何修改。证据包编号 ${escapeHtml(manifest.packageId)}。</p>
<table class="signatures">
<tr><th>执法人员（签名）</th><td></td><th>执法证号</th><td></td></tr>
<tr><th>执法人员（签名）</th><td></td><th>执法证号</th><td></td></tr>
<tr><th>当事人（签名或盖章）</th><td></td><th>日期</th><td></td></tr>
<tr><th>见证人（签名）</th><td></td><th>日期</th><td></td></tr>
</table>
<p>当事人拒绝签名或者盖章的，由执法人员在本笔录中注明情况。</p>
</body>
</html>
`;
}
