import { z } from "zod";

/**
 * Imported first by every entry point that bundles zod (background, side panel; the content script
 * bundles none), before any schema exists: zod 4 decides at schema creation
 * whether to compile parsers with `new Function`, and probes for it with `Function("")`. The
 * extension's CSP forbids eval, so in Firefox each probe logs a CSP report; jitless parses
 * without compiling and skips the probe. The e2e test in tests/e2e/firefox fails on any such report.
 */
z.config({ jitless: true });
