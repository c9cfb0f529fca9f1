/**
 * Imported first by main.ts. The pane runs under a CSP without 'unsafe-eval'
 * (docs/excel-addin.md): zod would otherwise probe `new Function` on its first parse, which the
 * browser reports as a violation even though zod then falls back.
 */
import { z } from "zod";

z.config({ jitless: true });
