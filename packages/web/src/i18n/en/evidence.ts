import type { evidence as source } from '../zh-CN/evidence';

export const evidence: typeof source = {
  create: 'Extract and download an evidence package',
  creating: 'Extracting… (waiting for the audit log to sign, a few seconds)',
  contents:
    'One ZIP file: the flagged words with what was said around them, the listing as it was then, the certificate, the orders concerned, the observation screenshots, a SHA-256 list of every file (manifest.json), a printable extraction record (电子数据提取笔录) and the audit entries’ inclusion proofs.',
  created: 'Extracted; the download has started. SHA-256: {{sha256}}',
  none: 'No evidence package extracted yet.',
  extractedAt: 'Extracted at',
  extractedBy: 'Extracted by',
  sizeHeading: 'Files',
  size: '{{files}} files, {{kilobytes}} KB',
  sha256: 'SHA-256',
  download: 'Download',
};
