/**
 * Rasterises an exported SVG (svg-export.ts) to PNG in the browser. Drawing
 * the vector at the wanted scale, rather than reading MapLibre's canvas, gives
 * any scale without hitting the WebGL canvas size limit.
 */
import { BilingualError } from '../../domain/lang';

function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new BilingualError({ en: 'The SVG has no width and height to rasterise at.', zh: 'SVG 没有可供绘制的宽度和高度。' });
  return { width, height };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.decoding = 'async';
    image.onload = () => resolve(image);
    image.onerror = () => reject(new BilingualError({ en: 'The browser could not draw the exported SVG.', zh: '浏览器无法绘制导出的 SVG。' }));
    image.src = url;
  });
}

/** A PNG of the SVG at `scale` × its own pixel size (the export offers 1, 2 and 4). */
export async function svgToPngBlob(svg: string, scale = 1): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new BilingualError({ en: 'This browser cannot create an image canvas.', zh: '此浏览器无法创建图像画布。' });
    // Drawing at the target size makes the browser rasterise the vector at that size: sharp at 4×.
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => {
        if (blob) resolve(blob);
        else reject(
            new BilingualError({
              en: `The image is too large to export at ${scale}× (${canvas.width}×${canvas.height} px).`,
              zh: `图像过大，无法以 ${scale}× 导出（${canvas.width}×${canvas.height} 像素）。`,
            }),
          );
      }, 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
