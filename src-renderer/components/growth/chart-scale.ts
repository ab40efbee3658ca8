/** Ticks and linear scales for the hand-drawn growth charts. */

/** Evenly spaced round values covering [lo, hi], about `target` of them. */
export function ticks(lo: number, hi: number, target: number, steps = [0.5, 1, 2, 5, 10, 20, 50]): number[] {
  const raw = (hi - lo) / Math.max(1, target);
  const step = steps.find((s) => s >= raw) ?? steps[steps.length - 1]!;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
  return out;
}

export function scale(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => Math.round((r0 + (v - d0) * k) * 10) / 10;
}

/** Moves labels apart vertically so none overlaps the next (labels sorted by y, top first). */
export function spread(ys: number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const cur = order[k]!;
    if (cur.y - prev.y < gap) cur.y = prev.y + gap;
  }
  const out = [...ys];
  for (const o of order) out[o.i] = o.y;
  return out;
}
