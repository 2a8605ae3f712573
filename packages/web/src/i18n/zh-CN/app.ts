export const app = {
  name: '玉链直播',
  tagline: '珠宝玉石直播电商与新媒体营销平台',
  documentTitle: '玉链直播 · 控制台',
};
