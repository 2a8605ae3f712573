import type { CaptionLineRow, ChatLineRow, FlagRow } from './sources-repository';

/** Lines kept on each side of the flagged one. */
const NEIGHBOURS = 5;

interface ContextLine {
  at: string;
  speaker: string | null;
  speakerKind: 'seller_member' | 'viewer' | 'caption_feed';
  text: string;
  /** Chat lines only: shown in the room, refused by the content rules, or deleted by moderators. */
  status: 'visible' | 'blocked' | 'deleted' | null;
  flagged: boolean;
}

export interface FlagContext {
  kind: 'chat' | 'captions' | 'listing_text' | 'none';
  lines: ContextLine[];
  note: string;
}

const byDistanceTo = (at: number) => (a: { time: number }, b: { time: number }) =>
  Math.abs(a.time - at) - Math.abs(b.time - at);

/** Up to NEIGHBOURS lines before and after `index`. */
const around = <T>(lines: T[], index: number) =>
  lines.slice(Math.max(0, index - NEIGHBOURS), index + NEIGHBOURS + 1);

function chatLine(row: ChatLineRow, flagged: boolean): ContextLine {
  return {
    at: row.createdAt.toISOString(),
    speaker: row.displayName,
    speakerKind: row.sellerMember ? 'seller_member' : 'viewer',
    text: row.text,
    status: row.deletedAt ? 'deleted' : row.status === 'blocked' ? 'blocked' : 'visible',
    flagged,
  };
}

/** The chat line the flag was raised on: same writer and words, written closest to the flag's time. */
function findFlaggedChatLine(flag: FlagRow, chat: ChatLineRow[]): number {
  const said = flag.saidAt.getTime();
  const candidates = chat
    .map((row, index) => ({ row, index, time: row.createdAt.getTime() }))
    .filter(({ row }) => row.text === flag.text && row.userId === flag.speakerUserId)
    .sort(byDistanceTo(said));
  return candidates[0]?.index ?? -1;
}

/**
 * What was said around a flagged claim. Chat: the flagged line with its neighbours, as the room
 * had them (refused and deleted lines marked). Captions: the session's stored caption segments
 * around it — only flagged segments are kept, so the note says so — and the chat of that moment.
 */
export function flagContext(flag: FlagRow, chat: ChatLineRow[], captions: CaptionLineRow[]): FlagContext {
  const said = flag.saidAt.getTime();
  if (flag.source === 'chat') {
    const index = findFlaggedChatLine(flag, chat);
    if (index < 0) {
      return {
        kind: 'chat',
        lines: [],
        note: '未找到该条弹幕的原始记录（可能发送后未保存），仅保留合规提示中记录的原文。',
      };
    }
    return {
      kind: 'chat',
      lines: around(chat, index).map((row) => chatLine(row, row === chat[index])),
      note: `被提示的弹幕及其前后各至多 ${NEIGHBOURS} 条弹幕（按发送时间排列，含被拦截和被删除的弹幕）。`,
    };
  }
  if (flag.source === 'caption' || flag.source === 'talking_point') {
    // Several flags of one segment share its words and time: one line per segment.
    const segments = captions.filter(
      (row, index) =>
        captions.findIndex((other) => other.text === row.text && +other.saidAt === +row.saidAt) === index,
    );
    const index = segments.findIndex((row) => row.text === flag.text && +row.saidAt === said);
    const captionLines = (index < 0 ? [] : around(segments, index)).map(
      (row): ContextLine => ({
        at: row.saidAt.toISOString(),
        speaker: row.speakerName,
        speakerKind: 'caption_feed',
        text: row.text,
        status: null,
        flagged: row.text === flag.text && +row.saidAt === said,
      }),
    );
    const nearestChat = chat
      .map((row) => ({ row, time: row.createdAt.getTime() }))
      .sort(byDistanceTo(said))
      .slice(0, 2 * NEIGHBOURS)
      .map(({ row }) => chatLine(row, false));
    const lines = [...captionLines, ...nearestChat].sort((a, b) => a.at.localeCompare(b.at));
    return {
      kind: 'captions',
      lines,
      note: `语音转写片段：平台只保存触发合规提示的片段，未触发提示的转写内容未被保存；另附该时刻前后至多 ${2 * NEIGHBOURS} 条弹幕。`,
    };
  }
  if (flag.source === 'listing') {
    return { kind: 'listing_text', lines: [], note: '被提示的文字出自商品页面，见同一商品的快照文件。' };
  }
  return { kind: 'none', lines: [], note: '该提示没有上下文记录。' };
}
