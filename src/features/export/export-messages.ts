import { defineMessages } from '../../domain/lang';

export const exportMessages = defineMessages(
  {
    heading: 'Export image',
    close: 'Close',
    title: 'Title',
    previewAlt: (title: string) => `Preview of the export: ${title} with the map and legend`,
    untitled: 'untitled',
    previewError: (reason: string) => `The map could not be drawn for export: ${reason}`,
    format: 'Format',
    pixels: (width: number, height: number) => `${width} × ${height} px`,
    png: (scale: number, pixels: string) => `PNG ${scale}× — ${pixels}`,
    svg: 'SVG (vector, for print and slides)',
    hint: 'The image shows this view of the map with the title, the legend and the source credit. 1× is the map’s size on screen.',
    download: 'Download',
    preparing: 'Preparing…',
    svgDetail: (pixels: string) => `vector, ${pixels} at 1×`,
    downloaded: (fileName: string, detail: string) => `Downloaded ${fileName} (${detail}).`,
    /** `smaller`: suggest a smaller scale (a PNG above 1×). */
    failed: (what: string, reason: string, smaller: boolean) =>
      `Could not create the ${what}: ${reason}${smaller ? ' Try a smaller scale or SVG.' : ''}`,
    unknownError: 'unknown error',
  },
  {
    heading: '导出图片',
    close: '关闭',
    title: '标题',
    previewAlt: (title: string) => `导出预览：${title}，含地图和图例`,
    untitled: '无标题',
    previewError: (reason: string) => `无法绘制用于导出的地图：${reason}`,
    format: '格式',
    pixels: (width: number, height: number) => `${width} × ${height} 像素`,
    png: (scale: number, pixels: string) => `PNG ${scale}×（${pixels}）`,
    svg: 'SVG（矢量图，适用于印刷和幻灯片）',
    hint: '图片包含当前地图视图、标题、图例和来源说明。1× 即地图在屏幕上的尺寸。',
    download: '下载',
    preparing: '正在生成…',
    svgDetail: (pixels: string) => `矢量图，1× 时为 ${pixels}`,
    downloaded: (fileName: string, detail: string) => `已下载 ${fileName}（${detail}）。`,
    failed: (what: string, reason: string, smaller: boolean) => {
      // The reason may come in English from the browser: close it the way its own language does.
      const closed = /[。！？]$/.test(reason) ? reason : /[.!?]$/.test(reason) ? `${reason} ` : `${reason}。`;
      return `无法生成 ${what}：${closed}${smaller ? '请尝试较小的倍数或改用 SVG。' : ''}`.trimEnd();
    },
    unknownError: '未知错误',
  },
);
