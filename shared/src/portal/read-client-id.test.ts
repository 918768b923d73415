import { describe, expect, it } from "vitest";
import { type PortalPage, readEpdClientId } from "./read-client-id.ts";
import type { ClientIdSource } from "./schema.ts";

type Source = { clientId: ClientIdSource };

// The demo portals' adapters, as server/src/demo/seed.ts saves them.
const ggd: Source = { clientId: { kind: "url", pattern: "/clienten/([^/?#]+)" } };
const iriszorg: Source = { clientId: { kind: "url", pattern: "[?&]patient=([^&#]+)" } };
const ldh: Source = { clientId: { kind: "dom", selector: "#dossier[data-client-id]", attribute: "data-client-id" } };
const ons: Source = { clientId: { kind: "text", pattern: "Cliëntnummer:\\s*(IZ-\\d+)", selector: null } };

/** Node has no DOM: a page is its address, title, visible text, and a map from selector to attributes. */
function page(opts: { url?: string; title?: string; text?: string; elements?: Record<string, Record<string, string>> } = {}): PortalPage {
  return {
    url: opts.url ?? "http://x/",
    title: opts.title ?? "",
    attribute: (selector, name) => opts.elements?.[selector]?.[name] ?? null,
    text: () => opts.text ?? "",
  };
}
const at = (url: string) => page({ url });

describe("reading which client the EPD shows", () => {
  it("reads the GGD client number from the path", () => {
    expect(readEpdClientId(ggd, at("http://127.0.0.1:5171/clienten/5501"))).toBe("5501");
    expect(readEpdClientId(ggd, at("http://127.0.0.1:5171/clienten/5501?tab=plan#top"))).toBe("5501");
    expect(readEpdClientId(ggd, at("http://127.0.0.1:5171/clienten/5501/"))).toBe("5501");
  });

  it("reads no GGD client on the list of clients", () => {
    expect(readEpdClientId(ggd, at("http://127.0.0.1:5171/"))).toBeNull();
    expect(readEpdClientId(ggd, at("http://127.0.0.1:5171/clienten/"))).toBeNull();
  });

  it("reads the Iriszorg patient from the query, wherever it stands", () => {
    expect(readEpdClientId(iriszorg, at("http://127.0.0.1:5172/dossier?patient=IZ-1001"))).toBe("IZ-1001");
    expect(readEpdClientId(iriszorg, at("http://127.0.0.1:5172/dossier?tab=plan&patient=IZ-1001#zrm"))).toBe("IZ-1001");
    expect(readEpdClientId(iriszorg, at("http://127.0.0.1:5172/dossier?outpatient=IZ-1001"))).toBeNull();
    expect(readEpdClientId(iriszorg, at("http://127.0.0.1:5172/"))).toBeNull();
  });

  it("reads the LDH client from the dossier element, since the LDH address does not say who it is", () => {
    const dossier = page({ elements: { "#dossier[data-client-id]": { "data-client-id": "LDH-0042" } } });
    expect(readEpdClientId(ldh, dossier)).toBe("LDH-0042");
    expect(readEpdClientId(ldh, page())).toBeNull();
  });

  it("reads no client from a blank or padded attribute, and trims what it reads", () => {
    expect(readEpdClientId(ldh, page({ elements: { "#dossier[data-client-id]": { "data-client-id": "   " } } }))).toBeNull();
    expect(readEpdClientId(ldh, page({ elements: { "#dossier[data-client-id]": { "data-client-id": " LDH-7 " } } }))).toBe("LDH-7");
  });

  it("reads the client number from visible text, on whichever line it stands", () => {
    const text = "Dossier\nNaam: A. de Vries\nCliëntnummer: IZ-1001\nGeboortejaar 1994";
    expect(readEpdClientId(ons, page({ text }))).toBe("IZ-1001");
    expect(readEpdClientId(ons, page({ text: "Dossier\nGeen cliënt geopend" }))).toBeNull();
  });

  it("reads the client from the page title", () => {
    const title: Source = { clientId: { kind: "title", pattern: "^Dossier (\\d{6}) " } };
    expect(readEpdClientId(title, page({ title: "Dossier 123456 — Ons" }))).toBe("123456");
    expect(readEpdClientId(title, page({ title: "Agenda — Ons" }))).toBeNull();
  });

  it("keeps at most 100 characters of an id", () => {
    expect(readEpdClientId(ggd, at(`http://127.0.0.1:5171/clienten/${"9".repeat(300)}`))).toBe("9".repeat(100));
  });

  it("decodes a percent-encoded id", () => {
    expect(readEpdClientId(ggd, at("http://127.0.0.1:5171/clienten/55%2001"))).toBe("55 01");
    expect(readEpdClientId(iriszorg, at("http://127.0.0.1:5172/dossier?patient=IZ%2F1001"))).toBe("IZ/1001");
    expect(readEpdClientId(ggd, at("http://127.0.0.1:5171/clienten/Jos%C3%A9"))).toBe("José");
  });

  it("reads nothing, rather than stopping the page, when an adapter's pattern is broken", () => {
    const broken: Source = { clientId: { kind: "url", pattern: "/clienten/([^/" } };
    expect(readEpdClientId(broken, at("http://127.0.0.1:5171/clienten/5501"))).toBeNull();
  });

  it("reads nothing, rather than stopping the page, when the address holds a malformed percent-escape", () => {
    expect(readEpdClientId(ggd, at("http://127.0.0.1:5171/clienten/55%zz"))).toBeNull();
    expect(readEpdClientId(iriszorg, at("http://127.0.0.1:5172/dossier?patient=IZ%E0%A4%A"))).toBeNull();
  });

  it("reads nothing when the pattern has no group to read", () => {
    const noGroup: Source = { clientId: { kind: "url", pattern: "/clienten/[0-9]+" } };
    expect(readEpdClientId(noGroup, at("http://127.0.0.1:5171/clienten/5501"))).toBeNull();
  });

  it("does not run a catastrophic pattern that reached the device, and the page stays responsive", () => {
    // (a+)+$ on "aaaa…!" takes exponential time in a backtracking engine: 30 a's are minutes.
    const hostile: Source = { clientId: { kind: "text", pattern: "(a+)+$", selector: null } };
    const started = performance.now();
    expect(readEpdClientId(hostile, page({ text: `${"a".repeat(30)}!` }))).toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("bounds what an allowed but slow pattern costs on a hostile page: short lines, and a time budget", () => {
    // Three unbounded repeats backtrack polynomially; the page offers thousands of long lines of spaces.
    const slow: Source = { clientId: { kind: "text", pattern: "\\s*\\s*\\s*(x)", selector: null } };
    const text = `${" ".repeat(5_000)}\n`.repeat(3_000);
    const started = performance.now();
    expect(readEpdClientId(slow, page({ text }))).toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
