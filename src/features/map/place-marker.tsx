/**
 * One place's marker on the MapLibre map: the shared marker button, placed by
 * MapLibre. Memoised on its own fields (see marker-button.tsx): only markers
 * whose look or place changed render again, MapLibre's wrapper included.
 */
import { memo } from 'react';
import { Marker } from '@vis.gl/react-maplibre';
import { MarkerButton, type MarkerButtonProps } from './marker-button';

export interface PlaceMarkerProps extends MarkerButtonProps {
  longitude: number;
  latitude: number;
}

export const PlaceMarker = memo(function PlaceMarker({ longitude, latitude, ...button }: PlaceMarkerProps) {
  return (
    <Marker longitude={longitude} latitude={latitude} anchor="center">
      <MarkerButton {...button} />
    </Marker>
  );
});
