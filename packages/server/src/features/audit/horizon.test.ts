import { describe, expect, it } from 'vitest';
import { widenXid } from './horizon';

const WRAP = 2n ** 32n;

describe('widenXid', () => {
  it('places a 32-bit id behind or ahead of the reference, whichever is nearer', () => {
    expect(widenXid(537_000n, 537_882n)).toBe(537_000n);
    expect(widenXid(537_900n, 537_882n)).toBe(537_900n);
    expect(widenXid(537_882n, 537_882n)).toBe(537_882n);
  });

  it('across a wraparound of the 32-bit counter, both ways', () => {
    const reference = 3n * WRAP + 5n;
    expect(widenXid(WRAP - 3n, reference)).toBe(3n * WRAP - 3n);
    expect(widenXid(7n, reference)).toBe(3n * WRAP + 7n);
    expect(widenXid(WRAP - 3n, 3n * WRAP - 10n)).toBe(3n * WRAP - 3n);
    expect(widenXid(7n, 3n * WRAP - 10n)).toBe(3n * WRAP + 7n);
  });
});
