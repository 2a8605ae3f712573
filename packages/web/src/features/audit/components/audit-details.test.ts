import { describe, expect, it } from 'vitest';
import { describeDetails } from './audit-details';

describe('audit entry details', () => {
  it('formats instants for the reader, keeps bare dates, and leaves ids out (a LiveKit identity included)', () => {
    const lines = describeDetails(
      {
        identity: 'host:b3dec3e5-52d9-4a42-a599-2863cc9a5787:whip',
        expiresAt: '2026-12-06T08:45:47.170Z',
        dueOn: '2026-12-21',
        documentId: '548e29b9-2e76-4fc8-9eb9-6c0f3676cfef',
        amountFen: 128000,
      },
      (iso) => `at ${iso.slice(0, 10)}`,
    );
    expect(lines).toEqual([
      ['expiresAt', 'at 2026-12-06'],
      ['dueOn', '2026-12-21'],
      ['amountFen', '¥1,280'],
    ]);
  });
});
