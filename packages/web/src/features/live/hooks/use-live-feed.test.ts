import type { ChatMessage } from '@jadelive/shared';
import { describe, expect, it } from 'vitest';
import { mergeHistory } from './use-live-feed';

const message = (id: number, second: number): ChatMessage => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  sessionId: '00000000-0000-4000-8000-000000000000',
  userId: '00000000-0000-4000-8000-000000000001',
  displayName: '买家',
  text: `消息 ${id}`,
  createdAt: `2026-11-30T12:00:${String(second).padStart(2, '0')}.000Z`,
  deletedAt: null,
});

describe('catching up on chat history', () => {
  it('puts a message the room never delivered in its place, once', () => {
    const fromRoom = [message(1, 1), message(3, 3)];
    const merged = mergeHistory(fromRoom, [message(1, 1), message(2, 2), message(3, 3)]);
    expect(merged.map((m) => m.text)).toEqual(['消息 1', '消息 2', '消息 3']);
  });

  it('changes nothing when the history brings nothing new', () => {
    const fromRoom = [message(1, 1), message(2, 2)];
    expect(mergeHistory(fromRoom, [message(1, 1)])).toBe(fromRoom);
  });
});
