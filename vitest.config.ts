import { defineConfig } from "vitest/config";
import {
  precompiledTemplatesId,
  precompiledTemplatesSource,
} from "./excel-addin/precompiled-templates.js";

export default defineConfig({
  // Tests that load the pane's modules get the same precompiled templates the build bundles.
  plugins: [
    {
      name: "precompiled-form-templates",
      resolveId: (id: string) => (id === precompiledTemplatesId ? `\0${id}` : null),
      load: (id: string) =>
        id === `\0${precompiledTemplatesId}` ? precompiledTemplatesSource() : null,
    },
  ],
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/fast-check.ts"],
    // The Apps Script long-job tests replay whole menu runs many times over (killed at every
    // point, continued from triggers); on a busy 2-core machine they need minutes, not seconds.
    testTimeout: 300_000,
    // Several suites run the built CLI or build a bundle once in beforeAll; on a loaded
    // 2-core machine that can take longer than vitest's 10 s default.
    hookTimeout: 120_000,
    // Stray console output in tests hides real failures; tests that need it spy on it.
    onConsoleLog: () => false,
  },
});
