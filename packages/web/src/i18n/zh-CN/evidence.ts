export const evidence = {
  create: '提取证据包并下载',
  creating: '正在提取…（等待审计日志签名，约需数秒）',
  contents:
    '证据包为一个 ZIP 文件：被提示的原话及前后内容、当时的商品快照、鉴定证书、涉案订单、巡查截图、逐个文件的 SHA-256 清单（manifest.json）、可打印的电子数据提取笔录，以及审计记录的包含证明。',
  created: '已提取并开始下载，SHA-256：{{sha256}}',
  none: '尚未提取证据包。',
  extractedAt: '提取时间',
  extractedBy: '提取人',
  sizeHeading: '文件',
  size: '{{files}} 个文件，{{kilobytes}} KB',
  sha256: 'SHA-256',
  download: '下载',
};
