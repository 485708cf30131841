/**
 * MapLibre redraws the whole map on every mouseup (its drag handler ends), even
 * when the pointer did not move and nothing on the map changed. Where WebGL is
 * drawn in software (no GPU, a virtual machine, headless Chromium), that redraw
 * takes 80–100 ms, and the browser shows nothing new until it has read the
 * canvas back: a panel opened by the click waited for a redraw of an unchanged
 * map. Held for one frame, the click's own changes to the page are shown at
 * once, and the map redraws in the next frame, together with the selection's
 * outline, which follows the panel by a frame anyway.
 *
 * Written here because MapLibre has no option for it: it asks for the frame in
 * its handler manager, which is not public.
 */

/** The slice of MapLibre's Map this needs. */
export interface Repaintable {
  triggerRepaint(): void;
}

/** This far or further between press and release is a drag, not a click (MapLibre's default click tolerance). */
const CLICK_TOLERANCE_PX = 3;

/**
 * Holds the map's repaints for one frame after each click in `container` (a
 * press and a release of the main button without moving), then asks for one
 * repaint if any was held. Returns a function that undoes it.
 *
 * Loose on purpose: a press is not tied to its pointer (a finger lifted from a
 * pinch may count as a click) and a touch's compatibility mouse events may come
 * after the held frame. Either costs at most one frame's delay; no repaint is lost.
 */
export function holdRepaintAfterClick(map: Repaintable, container: HTMLElement): () => void {
  // What MapLibre calls when nothing is held, called with the map; put back as it was when undone.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const repaint = map.triggerRepaint;
  const ownRepaint = Object.hasOwn(map, 'triggerRepaint');
  let pressedAt: { x: number; y: number } | null = null;
  let frame: number | null = null;
  let held = false;

  const hold = () => {
    if (frame !== null) held = true;
    else repaint.call(map);
  };
  map.triggerRepaint = hold;
  const release = () => {
    frame = null;
    if (held) {
      held = false;
      // Asked from inside a frame's callbacks, MapLibre's frame is the next one.
      repaint.call(map);
    }
  };
  const press = (event: PointerEvent) => {
    pressedAt = event.button === 0 ? { x: event.clientX, y: event.clientY } : null;
  };
  const lift = (event: PointerEvent) => {
    const from = pressedAt;
    pressedAt = null;
    if (!from || event.button !== 0 || frame !== null) return;
    if (Math.hypot(event.clientX - from.x, event.clientY - from.y) >= CLICK_TOLERANCE_PX) return;
    frame = requestAnimationFrame(release);
  };
  // A pointerup comes before the mouseup MapLibre answers with its frame. Capture, so that an
  // element inside the map (a marker) that stops the event cannot hide it.
  container.addEventListener('pointerdown', press, { capture: true });
  container.addEventListener('pointerup', lift, { capture: true });
  return () => {
    container.removeEventListener('pointerdown', press, { capture: true });
    container.removeEventListener('pointerup', lift, { capture: true });
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    // Put back only our own wrapper: something that wrapped it since keeps its place.
    if (map.triggerRepaint === hold) {
      if (ownRepaint) map.triggerRepaint = repaint;
      else Reflect.deleteProperty(map, 'triggerRepaint');
    }
    if (held) repaint.call(map);
    held = false;
  };
}
