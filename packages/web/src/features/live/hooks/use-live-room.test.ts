import { DisconnectReason } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { isRetryableJoinError, REJOIN_DELAYS_MS, shouldRejoin } from './use-live-room';

describe('rejoining a lost live room', () => {
  it('rejoins a connection lost to a LiveKit crash or the network, not one the server ended', () => {
    expect(shouldRejoin(DisconnectReason.UNKNOWN_REASON)).toBe(true);
    expect(shouldRejoin(DisconnectReason.SIGNAL_CLOSE)).toBe(true);
    expect(shouldRejoin(DisconnectReason.JOIN_FAILURE)).toBe(true);
    expect(shouldRejoin(DisconnectReason.ROOM_DELETED)).toBe(false);
    expect(shouldRejoin(DisconnectReason.ROOM_CLOSED)).toBe(false);
    expect(shouldRejoin(DisconnectReason.PARTICIPANT_REMOVED)).toBe(false);
    // The same account in another tab: rejoining would push that one out, and so on.
    expect(shouldRejoin(DisconnectReason.DUPLICATE_IDENTITY)).toBe(false);
  });

  it("tries again after network errors, 5xx and rate limits; the API's refusals are final", () => {
    const answered = (status: number) => new ApiError({ code: 'CONFLICT', message: 'x', status });
    expect(isRetryableJoinError(new Error('could not establish signal connection'))).toBe(true);
    expect(isRetryableJoinError(new ApiError({ code: 'NETWORK_ERROR', message: 'offline' }))).toBe(true);
    expect(isRetryableJoinError(answered(503))).toBe(true);
    expect(isRetryableJoinError(answered(429))).toBe(true);
    expect(isRetryableJoinError(answered(409))).toBe(false);
    expect(isRetryableJoinError(answered(403))).toBe(false);
    expect(isRetryableJoinError(answered(404))).toBe(false);
  });

  it('gives up after a bounded number of growing waits', () => {
    expect(REJOIN_DELAYS_MS.length).toBeGreaterThan(0);
    expect(REJOIN_DELAYS_MS.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < REJOIN_DELAYS_MS.length; i++) {
      expect(REJOIN_DELAYS_MS[i] as number).toBeGreaterThan(REJOIN_DELAYS_MS[i - 1] as number);
    }
    expect(REJOIN_DELAYS_MS.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(60_000);
  });
});
