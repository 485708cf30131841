/**
 * Zod without its compiled fast path. Zod 4 probes whether `new Function` is
 * allowed; under the atlas's Content-Security-Policy (no 'unsafe-eval') the
 * probe is refused and Chromium reports a `securitypolicyviolation`, even
 * though zod catches the error. `jitless` skips the probe (and the compiled
 * parser, which the atlas does not need for one dataset).
 *
 * Zod decides when each object schema is built, so this must run before any
 * module that builds one: every module that defines schemas imports it first.
 * None of them is in the hosted build's first-view bundle (build-checked-files.ts
 * says why), so zod loads only with the first file that needs checking; the
 * offline single file carries every module inline.
 */
import { config } from 'zod';

config({ jitless: true });
