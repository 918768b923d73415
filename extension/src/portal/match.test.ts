import type { PortalAdapter } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { adapterFor } from "./match.ts";

const adapter = (id: string, matchPattern: string, removedAt: string | null = null): PortalAdapter => ({
  id,
  organisationId: `org-${id}`,
  displayName: id,
  matchPattern,
  clientId: { kind: "url", pattern: "/clienten/([^/?#]+)" },
  removedAt,
});

describe("choosing the adapter for a page", () => {
  it("picks the first adapter whose pattern matches the page", () => {
    const adapters = [
      adapter("ggd", "http://127.0.0.1:5171/*"),
      adapter("iriszorg", "http://127.0.0.1:5172/*"),
      adapter("also-iriszorg", "http://127.0.0.1:5172/*"),
    ];
    expect(adapterFor(adapters, "http://127.0.0.1:5172/dossier?patient=IZ-1001")?.id).toBe("iriszorg");
    expect(adapterFor(adapters, "http://127.0.0.1:5171/clienten/5501")?.id).toBe("ggd");
    expect(adapterFor(adapters, "http://127.0.0.1:5173/")).toBeNull();
    expect(adapterFor([], "http://127.0.0.1:5171/")).toBeNull();
  });

  it("passes over an adapter an admin removed", () => {
    const removed = adapter("iriszorg", "http://127.0.0.1:5172/*", "2026-12-01T10:00:00.000Z");
    expect(adapterFor([removed, adapter("also-iriszorg", "http://127.0.0.1:5172/*")], "http://127.0.0.1:5172/")?.id).toBe("also-iriszorg");
    expect(adapterFor([removed], "http://127.0.0.1:5172/")).toBeNull();
  });
});
