/**
 * Whether this browser can give MapLibre a WebGL context. Where it cannot
 * (WebGL disabled, blocked GPU, old machines), the app draws the SVG map instead.
 */
let cached: boolean | undefined;

export function hasWebGL(): boolean {
  if (cached !== undefined) return cached;
  try {
    if (typeof document === 'undefined') return (cached = false);
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    cached = Boolean(context);
    // Free the probe's context at once: browsers cap the number of live WebGL contexts.
    if (context) context.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    cached = false;
  }
  return cached;
}
