/**
 * The map's colours as feature states: which fill each country wears, and the
 * fewest state changes that take the map from what it shows to what it should;
 * and the small source that carries the hover and selection outlines.
 */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry, LineString, Polygon } from 'geojson';
import {
  FILL_STATE,
  fillByIso3,
  fillColourFromState,
  fillStateChanges,
  countriesWithBorders,
  outlinedCountries,
  outlineFilter,
  outlineVisibility,
} from '../../src/features/map/map-layers';
import { NEUTRALS, SCHEMES } from '../../src/domain/palette';

/** A small polygon at x: a shape for the features these builders pass along untouched. */
const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 0]]] });

describe('fillColourFromState', () => {
  it("reads each country's fill from its feature state and mutes the rest in the scheme's land colour", () => {
    expect(fillColourFromState('light')).toEqual(['coalesce', ['feature-state', FILL_STATE], SCHEMES.light.nonSender]);
    expect(fillColourFromState('dark')).toEqual(['coalesce', ['feature-state', FILL_STATE], SCHEMES.dark.nonSender]);
  });
});

describe('fillByIso3', () => {
  it('gives senders their colours and the recipient its own, even when it also sent', () => {
    const fills = fillByIso3(new Map([['VNM', '#111111'], ['CHN', '#222222']]), 'CHN');
    expect(fills).toEqual(new Map([['VNM', '#111111'], ['CHN', NEUTRALS.recipient]]));
    expect(fillByIso3(new Map([['VNM', '#111111']]), null)).toEqual(new Map([['VNM', '#111111']]));
  });
});

describe('fillStateChanges', () => {
  const features = new Map<string | number, string | null>([
    [1, 'VNM'],
    [2, 'AUS'],
    [3, 'IND'],
    [4, null],
  ]);

  it('on a fresh source, sets the features that have a colour and leaves the rest to the land colour', () => {
    expect(fillStateChanges(features, new Map([['VNM', '#111111'], ['AUS', '#222222']]), new Map())).toEqual([
      [1, '#111111'],
      [2, '#222222'],
    ]);
  });

  it('changes only the features whose colour differs, clearing a colour with null', () => {
    const applied = new Map<string | number, string | null>([
      [1, '#111111'],
      [2, '#222222'],
      [3, null],
      [4, null],
    ]);
    expect(fillStateChanges(features, new Map([['VNM', '#111111'], ['IND', '#333333']]), applied)).toEqual([
      [2, null],
      [3, '#333333'],
    ]);
    expect(fillStateChanges(features, new Map([['VNM', '#111111'], ['AUS', '#222222']]), applied)).toEqual([]);
  });

  it('never colours a feature without a country code', () => {
    expect(fillStateChanges(new Map([[9, null]]), new Map([['', '#111111']]), new Map())).toEqual([]);
  });
});

describe('outlinedCountries', () => {
  const countries: FeatureCollection<Polygon, { iso3: string | null }> = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 1, properties: { iso3: 'VNM' }, geometry: square(0) },
      { type: 'Feature', id: 2, properties: { iso3: 'AUS' }, geometry: square(2) },
      { type: 'Feature', id: 3, properties: { iso3: null }, geometry: square(4) },
    ],
  };
  const roles = (fc: FeatureCollection<Polygon | Geometry, { iso3: string | null; role: string }>) =>
    fc.features.map((f) => [f.properties.iso3, f.properties.role]);

  it('holds only the hovered feature and the selected country, each tagged with its role and keeping its shape', () => {
    const out = outlinedCountries(countries, { hoverFeatureId: 2, selectedIso3: 'VNM' });
    expect(roles(out)).toEqual([
      ['VNM', 'selected'],
      ['AUS', 'hover'],
    ]);
    expect(out.features[1]!.geometry).toBe(countries.features[1]!.geometry);
  });

  it('holds a country twice when it is both hovered and selected, and nothing when neither is set', () => {
    expect(roles(outlinedCountries(countries, { hoverFeatureId: 1, selectedIso3: 'VNM' }))).toEqual([
      ['VNM', 'hover'],
      ['VNM', 'selected'],
    ]);
    expect(outlinedCountries(countries, { hoverFeatureId: null, selectedIso3: null }).features).toEqual([]);
    expect(outlinedCountries(countries, { hoverFeatureId: 9, selectedIso3: 'FRA' }).features).toEqual([]);
  });

  it('leaves the countries it was given untouched', () => {
    outlinedCountries(countries, { hoverFeatureId: 1, selectedIso3: 'AUS' });
    expect(countries.features.map((f) => f.properties)).toEqual([{ iso3: 'VNM' }, { iso3: 'AUS' }, { iso3: null }]);
  });
});

describe('outlineFilter', () => {
  it('picks the outline source features of one role', () => {
    expect(outlineFilter('hover')).toEqual(['==', ['get', 'role'], 'hover']);
    expect(outlineFilter('selected')).toEqual(['==', ['get', 'role'], 'selected']);
  });
});

describe('outlineVisibility', () => {
  const outlines = (...roles: ('hover' | 'selected')[]): FeatureCollection<Polygon, { role: 'hover' | 'selected' }> => ({
    type: 'FeatureCollection',
    features: roles.map((role) => ({ type: 'Feature', properties: { role }, geometry: square(0) })),
  });

  it("with the pointer elsewhere, shows a role's layer only while the outline source holds a feature of that role", () => {
    expect(outlineVisibility(outlines(), 'hover', false)).toBe('none');
    expect(outlineVisibility(outlines(), 'selected', false)).toBe('none');
    expect(outlineVisibility(outlines('selected'), 'hover', false)).toBe('none');
    expect(outlineVisibility(outlines('selected'), 'selected', false)).toBe('visible');
    expect(outlineVisibility(outlines('hover', 'selected'), 'hover', false)).toBe('visible');
  });

  it('with the pointer over the map, shows both layers, outlined or not (showing one reloads the source)', () => {
    expect(outlineVisibility(outlines(), 'hover', true)).toBe('visible');
    expect(outlineVisibility(outlines(), 'selected', true)).toBe('visible');
    expect(outlineVisibility(outlines('hover'), 'selected', true)).toBe('visible');
  });
});

describe('countriesWithBorders', () => {
  const countries: FeatureCollection<Polygon, { iso3: string | null }> = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 1, properties: { iso3: 'VNM' }, geometry: square(0) },
      { type: 'Feature', id: 2, properties: { iso3: 'LAO' }, geometry: square(1) },
    ],
  };
  const line: LineString = { type: 'LineString', coordinates: [[1, 0], [1, 1]] };
  const borders: FeatureCollection<LineString> = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', id: 1, properties: { name: 'VNM–LAO' }, geometry: line }],
  };

  it('puts the borders after the countries, marked as borders, without ids or properties of their own', () => {
    const out = countriesWithBorders(countries, borders);
    expect(out.features.slice(0, 2)).toEqual(countries.features);
    expect(out.features[0]).toBe(countries.features[0]);
    expect(out.features[2]).toEqual({ type: 'Feature', properties: { border: true }, geometry: line });
    expect(out.features[2]!.geometry).toBe(line);
    expect(out.features).toHaveLength(3);
  });

  it('is the countries themselves when there are no borders to add', () => {
    expect(countriesWithBorders(countries, null)).toBe(countries);
    expect(countriesWithBorders(countries, { type: 'FeatureCollection', features: [] })).toBe(countries);
  });

  it('leaves the countries and the borders it was given untouched', () => {
    countriesWithBorders(countries, borders);
    expect(countries.features).toHaveLength(2);
    expect(borders.features[0]).toEqual({ type: 'Feature', id: 1, properties: { name: 'VNM–LAO' }, geometry: line });
  });
});

