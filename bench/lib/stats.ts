export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** The median of per-round ratios a[i] / b[i]: pairing cancels drift of the machine's speed. */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  const ratios: number[] = [];
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const numerator = a[index];
    const denominator = b[index];
    if (numerator !== undefined && denominator !== undefined && denominator > 0) {
      ratios.push(numerator / denominator);
    }
  }
  return median(ratios);
}

export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function times(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a';
}
