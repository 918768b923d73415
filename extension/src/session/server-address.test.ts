import { describe, expect, it } from "vitest";
import { refusalOf } from "../sync/refusal-of.ts";
import { checkedServerOrigin, InsecureServerAddress } from "./server-address.ts";

describe("the Naast server's address", () => {
  it("takes https anywhere, and plain http on this computer only", () => {
    expect(checkedServerOrigin("https://naast.stapteam.nl/some/path")).toBe("https://naast.stapteam.nl");
    expect(checkedServerOrigin("http://127.0.0.1:8787")).toBe("http://127.0.0.1:8787");
    expect(checkedServerOrigin("http://localhost:8787/")).toBe("http://localhost:8787");
    expect(checkedServerOrigin("http://[::1]:8787")).toBe("http://[::1]:8787");
  });

  it("refuses plain http to any other host, before anything is sent, with a refusal the panel puts in words", () => {
    for (const address of ["http://naast.stapteam.nl", "http://192.168.1.10:8787", "http://127.0.0.1.evil.nl", "ftp://naast.stapteam.nl"]) {
      expect(() => checkedServerOrigin(address)).toThrow(InsecureServerAddress);
    }
    let caught: unknown;
    try {
      checkedServerOrigin("http://naast.stapteam.nl/");
    } catch (error) {
      caught = error;
    }
    expect(refusalOf(caught)).toEqual({ code: "network.insecure-server", params: { server: "http://naast.stapteam.nl" } });
  });
});
