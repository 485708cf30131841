/**
 * MapLibre 6 draws the style's sky in every frame, as one pass over the whole
 * canvas, also when the style sets none: it then draws a transparent sky, which
 * changes no pixel. Where WebGL is drawn in software (no GPU, a virtual
 * machine, headless Chromium) that pass was half of each frame here: a frame
 * with every layer hidden took 40–50 ms of SwiftShader's time with it and 1 ms
 * without, and a frame of the whole map 80–100 ms with it and 35–55 ms without
 * (measured at 1280 × 676). This skips the pass while both of the sky's colours
 * are fully transparent; a style that sets a visible sky still gets it drawn.
 *
 * Written here because MapLibre has no option for it: the pass is one of its
 * painter's draw functions, which are typed but internal.
 */

/** The slice of MapLibre's evaluated sky the decision reads (its colours are premultiplied). */
interface SkyColours {
  readonly 'sky-color': { readonly a: number };
  readonly 'horizon-color': { readonly a: number };
}

/** The slice of MapLibre's frame context that carries the evaluated sky. */
interface SkyFrame {
  readonly data: { readonly sky: Readonly<SkyColours> | undefined };
}

/** The slice of MapLibre's painter this needs. */
export interface SkyPainter<Mesh, Frame extends SkyFrame> {
  drawFunctions: { sky: (mesh: Mesh, frame: Frame) => void };
}

/** True when a sky would draw nothing: no sky, or a sky whose colours both have zero alpha. */
export function isInvisibleSky(sky: Readonly<SkyColours> | undefined): boolean {
  return !sky || (sky['sky-color'].a === 0 && sky['horizon-color'].a === 0);
}

/** The sky pass each painter was given here, to know a painter already has it. */
const skippingSky = new WeakMap<object, unknown>();

/**
 * Gives `painter` a sky pass that draws only a visible sky. Its draw functions
 * are replaced by a copy, not changed in place: MapLibre shares one object
 * among all its painters. Calling it again for the same painter does nothing;
 * a painter MapLibre makes anew (after a lost WebGL context) needs its own call.
 */
export function skipInvisibleSky<Mesh, Frame extends SkyFrame>(painter: SkyPainter<Mesh, Frame>): void {
  if (skippingSky.get(painter) === painter.drawFunctions.sky) return;
  const drawSky = painter.drawFunctions.sky;
  const sky = (mesh: Mesh, frame: Frame) => {
    if (!isInvisibleSky(frame.data.sky)) drawSky(mesh, frame);
  };
  painter.drawFunctions = { ...painter.drawFunctions, sky };
  skippingSky.set(painter, sky);
}
