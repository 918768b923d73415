import { expect, it } from "vitest";

it.only("is the only one", () => expect(1).toBe(1));
it("is left out by the .only", () => expect(1).toBe(1));
