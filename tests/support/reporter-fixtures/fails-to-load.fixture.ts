import { expect, it } from "vitest";

// A file whose import fails: the error comes before any test is collected.
const missing = "./no-such-module.ts";
await import(missing);

it("is never collected", () => expect(1).toBe(1));
