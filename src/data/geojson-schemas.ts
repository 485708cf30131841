/**
 * The shapes of the GeoJSON files MapLibre draws (get-countries.ts): apart, so
 * that zod loads with MapLibre's files, not with the first view.
 */
// First: zod must not probe `new Function` under the CSP (see zod-jitless.ts).
import '../domain/zod-jitless';
import { z } from 'zod';

// Checks the shape of the file, not every coordinate: the file is prepared and tested at build time.
export const countriesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        id: z.number(),
        properties: z.object({
          iso3: z.string().nullable(),
          name: z.string(),
          labelPoint: z.tuple([z.number(), z.number()]),
          area: z.number(),
        }),
        geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
      }),
    )
    .min(1),
});

export const bordersSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({ type: z.literal('Feature') })) });
