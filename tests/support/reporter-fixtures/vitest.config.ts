import { defineConfig } from "vitest/config";
import root from "../../../vitest.config.ts";

/** The root config (allowOnly and all) on the fixtures only, with the summary reporter alone. */
export default defineConfig({
  root: import.meta.dirname,
  test: {
    ...root.test,
    include: [process.env.FIXTURES ?? "*.fixture.ts"],
    reporters: ["../summary-reporter.ts"],
  },
});
