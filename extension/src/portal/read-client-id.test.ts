import type { PortalAdapter } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { readEpdClientId } from "./read-client-id.ts";

type ClientIdSource = Pick<PortalAdapter, "clientId">;

// The three demo portals' adapters, as server/src/demo/seed.ts saves them.
const ggd: ClientIdSource = { clientId: { kind: "url", pattern: "/clienten/([^/?#]+)" } };
const iriszorg: ClientIdSource = { clientId: { kind: "url", pattern: "[?&]patient=([^&#]+)" } };
const ldh: ClientIdSource = { clientId: { kind: "dom", selector: "#dossier[data-client-id]", attribute: "data-client-id" } };

/**
 * Node has no DOM: a page is a map from selector to the attributes of the element it finds.
 */
function page(elements: Record<string, Record<string, string>> = {}): Pick<Document, "querySelector"> {
  const fake: Pick<Document, "querySelector"> = {
    querySelector: ((selector: string) => {
      const attributes = elements[selector];
      return attributes ? { getAttribute: (name: string) => attributes[name] ?? null } : null;
    }) as Document["querySelector"],
  };
  return fake;
}
const empty = page();

describe("reading which client the EPD shows", () => {
  it("reads the GGD client number from the path", () => {
    expect(readEpdClientId(ggd, empty, "http://127.0.0.1:5171/clienten/5501")).toBe("5501");
    expect(readEpdClientId(ggd, empty, "http://127.0.0.1:5171/clienten/5501?tab=plan#top")).toBe("5501");
    expect(readEpdClientId(ggd, empty, "http://127.0.0.1:5171/clienten/5501/")).toBe("5501");
  });

  it("reads no GGD client on the list of clients", () => {
    expect(readEpdClientId(ggd, empty, "http://127.0.0.1:5171/")).toBeNull();
    expect(readEpdClientId(ggd, empty, "http://127.0.0.1:5171/clienten/")).toBeNull();
  });

  it("reads the Iriszorg patient from the query, wherever it stands", () => {
    expect(readEpdClientId(iriszorg, empty, "http://127.0.0.1:5172/dossier?patient=IZ-1001")).toBe("IZ-1001");
    expect(readEpdClientId(iriszorg, empty, "http://127.0.0.1:5172/dossier?tab=plan&patient=IZ-1001#zrm")).toBe("IZ-1001");
    expect(readEpdClientId(iriszorg, empty, "http://127.0.0.1:5172/dossier?outpatient=IZ-1001")).toBeNull();
    expect(readEpdClientId(iriszorg, empty, "http://127.0.0.1:5172/")).toBeNull();
  });

  it("reads the LDH client from the dossier element, since the LDH address does not say who it is", () => {
    const dossier = page({ "#dossier[data-client-id]": { "data-client-id": "LDH-0042" } });
    expect(readEpdClientId(ldh, dossier, "http://127.0.0.1:5173/#/dossier")).toBe("LDH-0042");
    expect(readEpdClientId(ldh, empty, "http://127.0.0.1:5173/#/dossier")).toBeNull();
  });

  it("reads no client from a blank or padded attribute, and trims what it reads", () => {
    expect(readEpdClientId(ldh, page({ "#dossier[data-client-id]": { "data-client-id": "   " } }), "http://x/")).toBeNull();
    expect(readEpdClientId(ldh, page({ "#dossier[data-client-id]": { "data-client-id": " LDH-7 " } }), "http://x/")).toBe("LDH-7");
  });

  it("keeps at most 100 characters of an id", () => {
    const long = "9".repeat(300);
    expect(readEpdClientId(ggd, empty, `http://127.0.0.1:5171/clienten/${long}`)).toBe("9".repeat(100));
  });

  it("decodes a percent-encoded id", () => {
    expect(readEpdClientId(ggd, empty, "http://127.0.0.1:5171/clienten/55%2001")).toBe("55 01");
    expect(readEpdClientId(iriszorg, empty, "http://127.0.0.1:5172/dossier?patient=IZ%2F1001")).toBe("IZ/1001");
    expect(readEpdClientId(ggd, empty, "http://127.0.0.1:5171/clienten/Jos%C3%A9")).toBe("José");
  });

  it("reads nothing, rather than stopping the page, when an adapter's pattern is broken", () => {
    const broken: ClientIdSource = { clientId: { kind: "url", pattern: "/clienten/([^/" } };
    expect(readEpdClientId(broken, empty, "http://127.0.0.1:5171/clienten/5501")).toBeNull();
  });

  it("reads nothing, rather than stopping the page, when the address holds a malformed percent-escape", () => {
    // decodeURIComponent throws URIError on "%E0%A4%A" / "%zz".
    expect(readEpdClientId(ggd, empty, "http://127.0.0.1:5171/clienten/55%zz")).toBeNull();
    expect(readEpdClientId(iriszorg, empty, "http://127.0.0.1:5172/dossier?patient=IZ%E0%A4%A")).toBeNull();
  });

  it("reads nothing when the pattern has no group to read", () => {
    const noGroup: ClientIdSource = { clientId: { kind: "url", pattern: "/clienten/[0-9]+" } };
    expect(readEpdClientId(noGroup, empty, "http://127.0.0.1:5171/clienten/5501")).toBeNull();
  });
});
