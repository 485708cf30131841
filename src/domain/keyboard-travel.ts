/**
 * Keyboard travel between places on a map: from the current place, the
 * nearest other place in the pressed direction, on screen coordinates.
 */
export type Direction = 'up' | 'down' | 'left' | 'right';

export interface ScreenPoint {
  key: string;
  x: number;
  y: number;
}

const VECTORS: Record<Direction, [number, number]> = {
  up: [0, -1],
  down: [0, 1],
  left: [-1, 0],
  right: [1, 0],
};

/**
 * The nearest point within 60° of the direction, scoring distance with a
 * penalty for being off-axis, so "right" prefers a place level with you over a
 * closer one far above. With no direction, the point nearest the origin.
 */
export function nearestInDirection(
  origin: ScreenPoint,
  points: readonly ScreenPoint[],
  direction: Direction | null,
): ScreenPoint | undefined {
  let best: ScreenPoint | undefined;
  let bestScore = Infinity;
  for (const point of points) {
    if (point.key === origin.key) continue;
    const dx = point.x - origin.x;
    const dy = point.y - origin.y;
    const distance = Math.hypot(dx, dy);
    let score = distance;
    if (direction) {
      const [vx, vy] = VECTORS[direction];
      const along = dx * vx + dy * vy;
      if (along <= 0) continue;
      const across = Math.abs(dx * vy - dy * vx);
      if (across > along * Math.tan(Math.PI / 3)) continue;
      score = along + 2 * across;
    }
    if (score < bestScore) {
      bestScore = score;
      best = point;
    }
  }
  return best;
}
