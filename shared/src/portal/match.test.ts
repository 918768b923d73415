import { describe, expect, it } from "vitest";
import { accessPattern, checkMatchPattern, hostOfPattern, matchesPattern } from "./match.ts";

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

  it("accepts a portal's pattern, with or without a port or a subdomain wildcard", () => {
    expect(checkMatchPattern("http://127.0.0.2:5174/*")).toBeNull();
    expect(checkMatchPattern("https://epd.iriszorg.nl/*")).toBeNull();
    expect(checkMatchPattern("https://*.iriszorg.nl/dossier/*")).toBeNull();
    expect(checkMatchPattern("*://epd.ggd.nl/*")).toBeNull();
  });

  it("refuses a pattern that is not a WebExtension match pattern", () => {
    for (const bad of [
      "",
      "epd.ggd.nl",
      "https://epd.ggd.nl",
      "ftp://epd.ggd.nl/*",
      "https://epd.*.nl/*",
      "https://epd.ggd.nl:99999/*",
      "https://ep d.nl/*",
      "<all_urls>",
    ]) {
      expect(checkMatchPattern(bad), bad).toBe("match-pattern-invalid");
    }
  });

  it("refuses a pattern wider than one portal: every host, or a whole top-level domain", () => {
    expect(checkMatchPattern("*://*/*")).toBe("match-pattern-too-wide");
    expect(checkMatchPattern("https://*/*")).toBe("match-pattern-too-wide");
    expect(checkMatchPattern("https://*.nl/*")).toBe("match-pattern-too-wide");
  });

  it("asks access for the adapter's origin only: scheme, host and port, every path", () => {
    expect(accessPattern("http://127.0.0.2:5174/dossier/*")).toBe("http://127.0.0.2:5174/*");
    expect(accessPattern("https://*.iriszorg.nl/epd/*")).toBe("https://*.iriszorg.nl/*");
    expect(accessPattern("http://127.0.0.2:5174/*", { withPort: false })).toBe("http://127.0.0.2/*");
    expect(hostOfPattern("http://127.0.0.2:5174/*")).toBe("127.0.0.2:5174");
    expect(accessPattern("<all_urls>")).toBeNull();
  });
});
