import { useEffect, useState } from 'react';

/**
 * Calls `done` once the browser has painted its next frame (a task after the
 * frame's callbacks, so after its paint). Returns a cancel.
 */
function afterNextPaint(done: () => void): () => void {
  let timer = 0;
  const frame = requestAnimationFrame(() => (timer = window.setTimeout(done, 0)));
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}

/**
 * False until the browser has painted what this component's first render drew,
 * then true for good: after the next frame, or after 100 ms where frames do not
 * come (a hidden tab). For work that must not hold up the first paint.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const done = () => setPainted(true);
    const cancel = afterNextPaint(done);
    const fallback = window.setTimeout(done, 100);
    return () => {
      cancel();
      window.clearTimeout(fallback);
    };
  }, []);
  return painted;
}

/**
 * `value`, changed only once the browser has painted the frame in which it
 * changed: for work that should not hold back what the same change shows first
 * (a WebGL redraw in that frame delays the whole frame). `initial` is what the
 * first render sees; by default the value itself.
 */
export function useValueAfterPaint<T>(value: T, initial: T = value): T {
  const [painted, setPainted] = useState(initial);
  useEffect(() => {
    if (Object.is(painted, value)) return;
    const done = () => setPainted(value);
    // A hidden tab paints no frames: nothing to wait for there.
    if (document.hidden) {
      const timer = window.setTimeout(done, 0);
      return () => window.clearTimeout(timer);
    }
    return afterNextPaint(done);
  }, [value, painted]);
  return painted;
}
