/**
 * The map's zoom buttons: +, − and, away from the whole world, a way back to
 * it. Both maps show them (the SVG map first, MapLibre's once it takes over),
 * so they stay where they were when one map gives way to the other.
 * MapLibre's own NavigationControl is not used: it looks and reads apart from
 * the SVG map's buttons, and its labels would need a locale of their own.
 */
import type { CSSProperties, MouseEvent } from 'react';
import { useMessages } from '../../components/use-lang';
import { mapMessages } from './map-messages';

const BUTTON_STYLE: CSSProperties = {
  width: 36,
  height: 36,
  font: '600 20px/1 var(--font)',
  color: 'var(--text)',
  background: 'var(--surface)',
  border: '1px solid var(--divider)',
  borderRadius: 6,
  cursor: 'pointer',
  padding: 0,
};

const HOME_STYLE: CSSProperties = { ...BUTTON_STYLE, fontSize: 16 };

export interface ZoomButtonsProps {
  onZoomIn: (event: MouseEvent) => void;
  onZoomOut: (event: MouseEvent) => void;
  /** Back to the whole world; null where the map already shows it. */
  onWholeWorld: ((event: MouseEvent) => void) | null;
}

export function ZoomButtons({ onZoomIn, onZoomOut, onWholeWorld }: ZoomButtonsProps) {
  const t = useMessages(mapMessages);
  // Out of the Tab order: the map itself takes focus, and + and − zoom it from the keyboard.
  return (
    <div style={{ position: 'absolute', left: 12, top: 12, display: 'flex', flexDirection: 'column', gap: 4, zIndex: 1 }}>
      <button type="button" style={BUTTON_STYLE} aria-label={t.zoomIn} tabIndex={-1} onClick={onZoomIn}>
        +
      </button>
      <button type="button" style={BUTTON_STYLE} aria-label={t.zoomOut} tabIndex={-1} onClick={onZoomOut}>
        −
      </button>
      {onWholeWorld && (
        <button type="button" style={HOME_STYLE} aria-label={t.wholeWorld} tabIndex={-1} onClick={onWholeWorld}>
          ⌂
        </button>
      )}
    </div>
  );
}
