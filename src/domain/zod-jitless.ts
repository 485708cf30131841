/**
 * Zod without its compiled fast path. Zod 4 probes whether `new Function` is
 * allowed; under the atlas's Content-Security-Policy (no 'unsafe-eval') the
 * probe is refused and Chromium reports a `securitypolicyviolation`, even
 * though zod catches the error. `jitless` skips the probe (and the compiled
 * parser, which the atlas does not need for one dataset).
 *
 * Zod decides when each object schema is built, so this must run before any
 * module that builds one: main.tsx imports it first, and every module that
 * defines schemas imports it first as well — the bundler may put zod and
 * those schemas in a shared chunk that runs before main.tsx's own code.
 */
import { config } from 'zod';

config({ jitless: true });
