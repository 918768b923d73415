import type { PortalAdapter } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { adapterFor, matchesPattern } from "./match.ts";

describe("recognising an EPD portal by its address", () => {
  it("matches a host with a port, and no other port", () => {
    expect(matchesPattern("http://127.0.0.1:5171/*", "http://127.0.0.1:5171/clienten/5501")).toBe(true);
    expect(matchesPattern("http://127.0.0.1:5171/*", "http://127.0.0.1:5171/")).toBe(true);
    expect(matchesPattern("http://127.0.0.1:5171/*", "http://127.0.0.1:5172/clienten/5501")).toBe(false);
    expect(matchesPattern("http://127.0.0.1:5171/*", "http://127.0.0.1/clienten/5501")).toBe(false);
  });

  it("does not let a look-alike host pass for the portal", () => {
    expect(matchesPattern("http://127.0.0.1:5171/*", "http://127.0.0.1:5171.evil.example/x")).toBe(false);
    expect(matchesPattern("http://127.0.0.1:5171/*", "http://127.0.0.1:5171@evil.example/x")).toBe(false);
    expect(matchesPattern("https://epd.iriszorg.nl/*", "https://epdxiriszorg.nl/")).toBe(false);
    expect(matchesPattern("https://epd.iriszorg.nl/*", "https://epd.iriszorg.nl.evil.example/")).toBe(false);
  });

  it("lets * in the host stand for any subdomain, or none", () => {
    expect(matchesPattern("https://*.iriszorg.nl/*", "https://epd.iriszorg.nl/dossier?patient=IZ-1001")).toBe(true);
    expect(matchesPattern("https://*.iriszorg.nl/*", "https://a.b.iriszorg.nl/")).toBe(true);
    expect(matchesPattern("https://*.iriszorg.nl/*", "https://iriszorg.nl/")).toBe(true);
    expect(matchesPattern("https://*.iriszorg.nl/*", "https://eviliriszorg.nl/")).toBe(false);
    expect(matchesPattern("https://*.iriszorg.nl/*", "https://iriszorg.nl.evil.example/")).toBe(false);
  });

  it("lets * in the path stand for anything, and keeps the rest of the path literal", () => {
    expect(matchesPattern("https://epd.ggd.nl/clienten/*", "https://epd.ggd.nl/clienten/5501")).toBe(true);
    expect(matchesPattern("https://epd.ggd.nl/clienten/*", "https://epd.ggd.nl/agenda")).toBe(false);
    expect(matchesPattern("https://epd.ggd.nl/dossier?patient=*", "https://epd.ggd.nl/dossier?patient=IZ-1")).toBe(true);
    expect(matchesPattern("https://epd.ggd.nl/dossier?patient=*", "https://epd.ggd.nl/dossierXpatient=IZ-1")).toBe(false);
    expect(matchesPattern("https://epd.ggd.nl/a.b/*", "https://epd.ggd.nl/aXb/c")).toBe(false);
  });

  it("takes the scheme literally, and * as http or https only", () => {
    expect(matchesPattern("https://epd.ggd.nl/*", "http://epd.ggd.nl/")).toBe(false);
    expect(matchesPattern("http://epd.ggd.nl/*", "https://epd.ggd.nl/")).toBe(false);
    expect(matchesPattern("*://epd.ggd.nl/*", "http://epd.ggd.nl/")).toBe(true);
    expect(matchesPattern("*://epd.ggd.nl/*", "https://epd.ggd.nl/")).toBe(true);
    expect(matchesPattern("*://epd.ggd.nl/*", "ftp://epd.ggd.nl/")).toBe(false);
    expect(matchesPattern("*://epd.ggd.nl/*", "file:///epd.ggd.nl/")).toBe(false);
  });

  it("matches nothing with a pattern it cannot read", () => {
    expect(matchesPattern("<all_urls>", "https://epd.ggd.nl/")).toBe(false);
    expect(matchesPattern("ftp://epd.ggd.nl/*", "ftp://epd.ggd.nl/")).toBe(false);
    expect(matchesPattern("https://epd.ggd.nl", "https://epd.ggd.nl")).toBe(false);
    expect(matchesPattern("", "https://epd.ggd.nl/")).toBe(false);
  });

  it("picks the first adapter whose pattern matches the page", () => {
    const adapter = (id: string, matchPattern: string): PortalAdapter => ({
      id,
      organisationId: `org-${id}`,
      displayName: id,
      matchPattern,
      clientId: { kind: "url", pattern: "/clienten/([^/?#]+)" },
    });
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
});
