/**
 * The map's colours as feature states: which fill each country wears, and the
 * fewest state changes that take the map from what it shows to what it should.
 */
import { describe, expect, it } from 'vitest';
import { FILL_STATE, fillByIso3, fillColourFromState, fillStateChanges } from '../../src/features/map/map-layers';
import { NEUTRALS, SCHEMES } from '../../src/domain/palette';

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
