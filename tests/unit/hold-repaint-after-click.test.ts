import { describe, expect, it, vi } from 'vitest';
import { holdRepaintAfterClick } from '../../src/features/map/hold-repaint-after-click';
import { driveFramesByHand } from './frames-by-hand';

class FakeMap {
  repaints = 0;
  triggerRepaint() {
    this.repaints += 1;
  }
}

function pointer(target: HTMLElement, type: 'pointerdown' | 'pointerup', x: number, y: number, button = 0) {
  // jsdom has no PointerEvent; the listener reads only what MouseEvent carries.
  target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button, bubbles: true }));
}

/** A press at (100, 100) and a release `dx` px to the right, with `button`. */
function pressAndRelease(target: HTMLElement, { dx = 0, button = 0 } = {}) {
  pointer(target, 'pointerdown', 100, 100, button);
  pointer(target, 'pointerup', 100 + dx, 100, button);
}

describe('holdRepaintAfterClick', () => {
  const frames = driveFramesByHand();

  function setUp() {
    const container = document.createElement('div');
    const canvas = document.createElement('canvas');
    container.append(canvas);
    const map = new FakeMap();
    const undo = holdRepaintAfterClick(map, container);
    return { container, canvas, map, undo };
  }

  it('repaints at once when nothing was clicked', () => {
    const { map } = setUp();
    map.triggerRepaint();
    expect(map.repaints).toBe(1);
  });

  it("holds the repaints a click asks for until the click's frame, then asks for one", () => {
    const { canvas, map } = setUp();
    pressAndRelease(canvas, { dx: 1 });
    map.triggerRepaint();
    map.triggerRepaint();
    expect(map.repaints).toBe(0);
    frames.nextFrame();
    expect(map.repaints).toBe(1);
    // Held no longer.
    map.triggerRepaint();
    expect(map.repaints).toBe(2);
  });

  it('asks for nothing after the frame when no repaint was held', () => {
    const { canvas, map } = setUp();
    pressAndRelease(canvas);
    frames.nextFrame();
    expect(map.repaints).toBe(0);
  });

  it('does not hold after a drag, a right click or a release without a press', () => {
    const { canvas, map } = setUp();
    pressAndRelease(canvas, { dx: 10 });
    map.triggerRepaint();
    pressAndRelease(canvas, { button: 2 });
    map.triggerRepaint();
    pointer(canvas, 'pointerup', 100, 100);
    map.triggerRepaint();
    expect(map.repaints).toBe(3);
    expect(frames.pending()).toBe(0);
  });

  it('undoing restores the map and gives back a held repaint', () => {
    const { canvas, map, undo } = setUp();
    const cancel = vi.spyOn(globalThis, 'cancelAnimationFrame');
    pressAndRelease(canvas);
    map.triggerRepaint();
    undo();
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(map.repaints).toBe(1);
    expect(Object.hasOwn(map, 'triggerRepaint')).toBe(false);
    pressAndRelease(canvas);
    map.triggerRepaint();
    expect(map.repaints).toBe(2);
  });
});
