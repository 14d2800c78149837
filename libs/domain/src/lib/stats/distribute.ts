/**
 * Splits an integer total into integer parts proportional to weights, by the **largest
 * remainder** method (Hamilton): every part gets the floor of its exact share, then the
 * units still missing go one each to the parts with the largest fractional remainders
 * (ties: the earlier part). The parts always add up to the total exactly.
 */
export function distributeTotal(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new Error(`distributeTotal: total must be an integer ≥ 0, got ${total}`);
  if (weights.length === 0) throw new Error('distributeTotal: at least one weight is needed');
  for (const w of weights) if (!Number.isFinite(w) || w < 0) throw new Error(`distributeTotal: weights must be finite and ≥ 0, got ${w}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('distributeTotal: the weights must not all be 0');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let missing = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, remainder: x - Math.floor(x) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; missing > 0; k++, missing--) {
    const i = order[k % order.length]?.i ?? 0;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}
