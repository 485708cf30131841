/**
 * Animation frames driven by the test, with fake timers: requestAnimationFrame
 * only queues its callback, and `nextFrame()` runs the callbacks queued so far,
 * as a browser's frame does. Call inside a describe block (or at the top of a
 * file): it installs itself before each test and removes itself after.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export function driveFramesByHand() {
  let frames: FrameRequestCallback[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  return {
    nextFrame: () => {
      const due = frames;
      frames = [];
      for (const callback of due) callback(performance.now());
    },
    /** Frame callbacks waiting for the next frame. */
    pending: () => frames.length,
  };
}
