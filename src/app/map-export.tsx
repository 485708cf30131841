/**
 * The export dialog composed with the map's SVG renderer and rasteriser.
 * Loaded on first use, together with both (features never import each other).
 */
import { useCallback, useState } from 'react';
import { useLang } from '../components/use-lang';
import type { Camera } from '../domain/url-state';
import { ExportDialog, type RenderSvgOptions } from '../features/export/export-dialog';
import { buildMapSvg, type MapSvgOptions } from '../features/map/svg-export';
import { viewForCamera, worldView } from '../features/map/svg-map-geometry';
import { svgToPngBlob } from '../features/map/svg-to-png';

export interface MapExportProps {
  defaultTitle: string;
  /** The on-screen map's size in CSS px when Export was pressed. */
  mapWidth: number;
  mapHeight: number;
  /** Where the map's camera is; null: the initial world view. */
  camera: Camera | null;
  /**
   * What the map shows, as buildMapSvg takes it, less the size, camera and
   * title; its texts in the interface language (the export's language is the
   * interface's, read here).
   */
  drawing: Omit<MapSvgOptions, 'width' | 'height' | 'view' | 'title' | 'lang'>;
  onClose: () => void;
}

export default function MapExport({ defaultTitle, mapWidth, mapHeight, camera, drawing, onClose }: MapExportProps) {
  // The view as it was when Export was pressed: the dialog is modal, so nothing behind it should change the image.
  const lang = useLang();
  const [frozen] = useState(() => ({ camera, drawing, lang }));
  const renderSvg = useCallback(
    ({ title, width, height }: RenderSvgOptions) =>
      buildMapSvg({
        ...frozen.drawing,
        lang: frozen.lang,
        width,
        height,
        title,
        view: frozen.camera
          ? viewForCamera([frozen.camera.lng, frozen.camera.lat], frozen.camera.zoom, width, height)
          : worldView(width, height),
      }),
    [frozen],
  );
  return (
    <ExportDialog
      defaultTitle={defaultTitle}
      mapWidth={mapWidth}
      mapHeight={mapHeight}
      renderSvg={renderSvg}
      renderPng={svgToPngBlob}
      onClose={onClose}
    />
  );
}
