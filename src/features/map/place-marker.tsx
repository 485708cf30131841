/**
 * One place's marker on the MapLibre map: a button that selects the place.
 * Memoised on its own fields: a theme toggle, a click or a hover re-renders the
 * map view, and with every country marked (the large benchmark dataset: 234
 * markers) re-rendering each marker and its MapLibre wrapper took longer than
 * the rest of the toggle's JavaScript. Now only the markers whose look changed
 * render again.
 */
import { memo } from 'react';
import { Marker } from '@vis.gl/react-maplibre';

/** Where the pointer rests over a place, relative to the map view (for the tooltip). */
export interface PlaceHover {
  key: string;
  x: number;
  y: number;
  /** The country shape under the pointer, when the pointer is on the map rather than on a marker. */
  featureId?: number | string;
}

export interface PlaceMarkerProps {
  placeKey: string;
  label: string;
  ariaLabel: string;
  kind: 'country' | 'organization';
  longitude: number;
  latitude: number;
  colour: string;
  matches: boolean;
  showLabel: boolean;
  selected: boolean;
  onSelect: (placeKey: string) => void;
  onHover: (hover: PlaceHover | null) => void;
}

export const PlaceMarker = memo(function PlaceMarker(props: PlaceMarkerProps) {
  const { placeKey, label, ariaLabel, kind, longitude, latitude, colour, matches, showLabel, selected, onSelect, onHover } = props;
  return (
    <Marker longitude={longitude} latitude={latitude} anchor="center">
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
    </Marker>
  );
});
