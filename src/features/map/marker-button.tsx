/**
 * One place's marker: a button that selects the place, shared by the SVG map
 * and the MapLibre map (each positions it its own way). Memoised on its own
 * fields: a theme toggle, a click or a hover re-renders the whole map, and
 * with every country marked (the large benchmark dataset) re-rendering each
 * marker took longer than the rest of the toggle's JavaScript. No MapLibre
 * here: the SVG map's first view must not load it.
 */
import { memo } from 'react';
import type { MapMarker } from './map-view';

/** Where the pointer rests over a place, relative to the map view (for the tooltip). */
export interface PlaceHover {
  key: string;
  x: number;
  y: number;
  /** The country shape under the pointer, when the pointer is on the map rather than on a marker. */
  featureId?: number | string;
}

export interface MarkerButtonProps {
  placeKey: string;
  label: string;
  ariaLabel: string;
  kind: 'country' | 'organization';
  colour: string;
  matches: boolean;
  showLabel: boolean;
  selected: boolean;
  onSelect: (placeKey: string) => void;
  onHover: (hover: PlaceHover | null) => void;
}

/** One of the map's markers as its button: the same on both maps. */
export function markerButtonProps(
  marker: MapMarker,
  selectedKey: string | null,
  markerName: (label: string, isOrganisation: boolean) => string,
  onSelect: MarkerButtonProps['onSelect'],
  onHover: MarkerButtonProps['onHover'],
): MarkerButtonProps {
  return {
    placeKey: marker.key,
    label: marker.label,
    ariaLabel: markerName(marker.label, marker.kind === 'organization'),
    kind: marker.kind,
    colour: marker.colour,
    matches: marker.matches,
    showLabel: marker.showLabel,
    selected: marker.key === selectedKey,
    onSelect,
    onHover,
  };
}

export const MarkerButton = memo(function MarkerButton(props: MarkerButtonProps) {
  const { placeKey, label, ariaLabel, kind, colour, matches, showLabel, selected, onSelect, onHover } = props;
  return (
    <button
      type="button"
      className={`atlas-marker atlas-marker--${kind}${matches ? '' : ' atlas-marker--faded'}${selected ? ' atlas-marker--selected' : ''}${
        showLabel ? ' atlas-marker--labelled' : ''
      }`}
      aria-label={ariaLabel}
      aria-pressed={selected}
      data-place={placeKey}
      tabIndex={-1}
      onClick={() => onSelect(placeKey)}
      onMouseEnter={(e) => {
        // Both maps' roots are `.map-view`: the tooltip is placed relative to it.
        const map = e.currentTarget.closest('.map-view')?.getBoundingClientRect();
        const own = e.currentTarget.getBoundingClientRect();
        if (map) onHover({ key: placeKey, x: own.left - map.left + own.width / 2, y: own.top - map.top });
      }}
      onMouseLeave={() => onHover(null)}
    >
      {/* The colour on the symbol itself, not as a custom property on the button: a toggle
          that recolours 91 markers restyled them in 8–19 ms through a custom property and in
          under 1 ms this way (measured in Chromium). */}
      <span className="atlas-marker__symbol" style={{ backgroundColor: colour }} aria-hidden="true" />
      <span className="atlas-marker__label">{label}</span>
    </button>
  );
});
