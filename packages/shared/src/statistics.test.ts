import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from './commerce';
import { isSettledOrderStatus } from './statistics';

describe('isSettledOrderStatus', () => {
  it('settles exactly the statuses a session’s sales can no longer move out of', () => {
    expect(ORDER_STATUSES.filter(isSettledOrderStatus)).toEqual(['completed', 'cancelled', 'refunded']);
  });
});
