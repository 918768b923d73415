import { beforeAll, describe, expect, it } from "vitest";

describe("under a failing beforeAll", () => {
  beforeAll(() => {
    throw new Error("the setup broke");
  });
  it("would pass", () => expect(1).toBe(1));
  it("would pass too", () => expect(1).toBe(1));
});
