import type { Point } from './runbookLayout.js';

const round = (n: number): number => Math.round(n * 10) / 10;

/** `from` moved towards `to` by `distance`, at most half the way (so two corners of one segment never cross). */
function towards(from: Point, to: Point, distance: number): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  if (length === 0) return from;
  const t = Math.min(distance, length / 2) / length;
  return { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
}

/**
 * The polyline through dagre's points with each inner corner rounded (radius `radius`): the line
 * still passes by every point, so a label placed on one of them stays on its edge.
 */
export function smoothPath(points: readonly Point[], radius = 10): string {
  const [first] = points;
  if (!first) return '';
  let d = `M${round(first.x)},${round(first.y)}`;
  for (let i = 1; i < points.length; i++) {
    const point = points[i];
    if (!point) continue;
    const before = points[i - 1] ?? point;
    const after = points[i + 1];
    if (!after) {
      d += `L${round(point.x)},${round(point.y)}`;
      continue;
    }
    const enter = towards(point, before, radius);
    const leave = towards(point, after, radius);
    d += `L${round(enter.x)},${round(enter.y)}Q${round(point.x)},${round(point.y)} ${round(leave.x)},${round(leave.y)}`;
  }
  return d;
}

/** A small triangle at `to`, pointing along from→to. */
export function arrowHead(from: Point, to: Point, size = 7): string {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const spread = Math.PI / 7;
  const a = { x: to.x - size * Math.cos(angle - spread), y: to.y - size * Math.sin(angle - spread) };
  const b = { x: to.x - size * Math.cos(angle + spread), y: to.y - size * Math.sin(angle + spread) };
  return `${round(to.x)},${round(to.y)} ${round(a.x)},${round(a.y)} ${round(b.x)},${round(b.y)}`;
}
