import { describe, expect, it, vi } from 'vitest';
import { isInvisibleSky, skipInvisibleSky } from '../../src/features/map/skip-invisible-sky';

/** MapLibre's evaluated colours are premultiplied: a transparent colour is all zeros. */
const TRANSPARENT = { r: 0, g: 0, b: 0, a: 0 };
const BLUE = { r: 0.2, g: 0.4, b: 0.8, a: 1 };
const HAZE = { r: 0.1, g: 0.1, b: 0.1, a: 0.2 };

type Sky = { 'sky-color': { a: number }; 'horizon-color': { a: number } };
type Frame = { data: { sky: Sky | undefined } };

/** What MapLibre 6 evaluates for a style without a sky. */
const STYLE_WITHOUT_SKY: Sky = { 'sky-color': TRANSPARENT, 'horizon-color': TRANSPARENT };

function fakePainter() {
  const drawSky = vi.fn<(mesh: string, frame: Frame) => void>();
  const drawFill = vi.fn();
  // One object shared by every painter, as MapLibre's module-level draw functions are.
  const shared = { sky: drawSky, fill: drawFill };
  return { painter: { drawFunctions: shared }, shared, drawSky, drawFill };
}

describe('isInvisibleSky', () => {
  it('is true without a sky and for a sky whose two colours are fully transparent', () => {
    expect(isInvisibleSky(undefined)).toBe(true);
    expect(isInvisibleSky(STYLE_WITHOUT_SKY)).toBe(true);
  });

  it('is false as soon as either colour shows, however faintly', () => {
    expect(isInvisibleSky({ 'sky-color': BLUE, 'horizon-color': TRANSPARENT })).toBe(false);
    expect(isInvisibleSky({ 'sky-color': TRANSPARENT, 'horizon-color': HAZE })).toBe(false);
    expect(isInvisibleSky({ 'sky-color': TRANSPARENT, 'horizon-color': { a: 0.001 } })).toBe(false);
  });
});

describe('skipInvisibleSky', () => {
  it('skips the sky pass of a frame whose sky is transparent', () => {
    const { painter, drawSky } = fakePainter();
    skipInvisibleSky(painter);
    painter.drawFunctions.sky('mesh', { data: { sky: STYLE_WITHOUT_SKY } });
    painter.drawFunctions.sky('mesh', { data: { sky: undefined } });
    expect(drawSky).not.toHaveBeenCalled();
  });

  it("draws a visible sky with MapLibre's own pass, given the same mesh and frame", () => {
    const { painter, drawSky } = fakePainter();
    skipInvisibleSky(painter);
    const frame = { data: { sky: { 'sky-color': BLUE, 'horizon-color': HAZE } } };
    painter.drawFunctions.sky('mesh', frame);
    expect(drawSky).toHaveBeenCalledOnce();
    expect(drawSky).toHaveBeenCalledWith('mesh', frame);
  });

  it('decides frame by frame: a sky set after the call is drawn, and skipped again once cleared', () => {
    const { painter, drawSky } = fakePainter();
    skipInvisibleSky(painter);
    painter.drawFunctions.sky('mesh', { data: { sky: { 'sky-color': BLUE, 'horizon-color': BLUE } } });
    painter.drawFunctions.sky('mesh', { data: { sky: STYLE_WITHOUT_SKY } });
    expect(drawSky).toHaveBeenCalledOnce();
  });

  it("gives the painter a copy of the draw functions and leaves MapLibre's shared object and the other passes alone", () => {
    const { painter, shared, drawSky, drawFill } = fakePainter();
    skipInvisibleSky(painter);
    expect(painter.drawFunctions).not.toBe(shared);
    expect(shared.sky).toBe(drawSky);
    expect(painter.drawFunctions.fill).toBe(drawFill);
  });

  it('wraps a painter once however often it is called, and a new painter (after a lost context) anew', () => {
    const { painter, drawSky } = fakePainter();
    skipInvisibleSky(painter);
    const first = painter.drawFunctions.sky;
    skipInvisibleSky(painter);
    skipInvisibleSky(painter);
    expect(painter.drawFunctions.sky).toBe(first);
    painter.drawFunctions.sky('mesh', { data: { sky: { 'sky-color': BLUE, 'horizon-color': BLUE } } });
    expect(drawSky).toHaveBeenCalledOnce();

    const renewed = fakePainter();
    skipInvisibleSky(renewed.painter);
    expect(renewed.painter.drawFunctions.sky).not.toBe(renewed.drawSky);
    renewed.painter.drawFunctions.sky('mesh', { data: { sky: STYLE_WITHOUT_SKY } });
    expect(renewed.drawSky).not.toHaveBeenCalled();
  });
});
