/** Two records of one stone agree on weight when both state the same unit and value, or either is silent. */
export function weightsAgree(
  a: { weightMg: number | null; weightCt100: number | null },
  b: { weightMg: number | null; weightCt100: number | null },
): boolean {
  if (a.weightMg !== null && b.weightMg !== null && a.weightMg !== b.weightMg) return false;
  if (a.weightCt100 !== null && b.weightCt100 !== null && a.weightCt100 !== b.weightCt100) return false;
  return true;
}
