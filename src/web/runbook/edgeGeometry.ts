import type { Point } from './runbookLayout.js';

/** The polyline through dagre's points, its inner corners rounded with quadratic curves. */
export function smoothPath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  if (rest.length < 2) return `M${first.x},${first.y}${rest.map((p) => `L${p.x},${p.y}`).join('')}`;
  let d = `M${first.x},${first.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const corner = rest[i];
    const next = rest[i + 1];
    if (!corner || !next) continue;
    const midX = (corner.x + next.x) / 2;
    const midY = (corner.y + next.y) / 2;
    d += i === rest.length - 2 ? `Q${corner.x},${corner.y} ${next.x},${next.y}` : `Q${corner.x},${corner.y} ${midX},${midY}`;
  }
  return d;
}

/** A small triangle at `to`, pointing along from→to. */
export function arrowHead(from: Point, to: Point, size = 7): string {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const spread = Math.PI / 7;
  const a = { x: to.x - size * Math.cos(angle - spread), y: to.y - size * Math.sin(angle - spread) };
  const b = { x: to.x - size * Math.cos(angle + spread), y: to.y - size * Math.sin(angle + spread) };
  const r = (n: number): number => Math.round(n * 10) / 10;
  return `${r(to.x)},${r(to.y)} ${r(a.x)},${r(a.y)} ${r(b.x)},${r(b.y)}`;
}
