/**
 * The schema of the prepared country shapes (get-world-shapes.ts). Apart from
 * it so that zod loads only when a shapes file needs checking in the browser:
 * the build checks the shipped one (build-checked-files.ts).
 */
// First: zod must not probe `new Function` under the CSP (see zod-jitless.ts).
import '../domain/zod-jitless';
import { z } from 'zod';

const lngLat = z.tuple([z.number(), z.number()]);

// Checks the shape of the file; the path data is prepared and tested at build time.
export const worldShapesSchema = z.object({
  zoom: z.number().int().min(0).max(8),
  countries: z
    .array(
      z.object({
        id: z.number(),
        iso3: z.string().nullable(),
        name: z.string(),
        labelPoint: lngLat,
        /** West-south and east-north corners of the largest polygon. */
        box: z.tuple([lngLat, lngLat]),
        /** Area in Web Mercator px² at zoom 0. */
        area: z.number().nonnegative(),
        d: z.string(),
      }),
    )
    .min(1),
  /** All land borders as one path. */
  borders: z.string(),
});
export type WorldShapes = z.infer<typeof worldShapesSchema>;
export type WorldShape = WorldShapes['countries'][number];
