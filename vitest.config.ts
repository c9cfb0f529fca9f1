import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/fast-check.ts"],
    testTimeout: 60_000,
    // Stray console output in tests hides real failures; tests that need it spy on it.
    onConsoleLog: () => false,
  },
});
