import { describe, expect, it } from "vitest";
import { backgroundEventSchema, contentMessageSchema, detectedClientSchema, panelMessageSchema } from "./protocol.ts";
import { backgroundEventFrom, isOwnContentScript, isOwnExtensionPage } from "./sender.ts";

const ownId = "naastextensionid";
const ownOrigin = `chrome-extension://${ownId}/`; // browser.runtime.getURL("/")
const portalTab = { id: 12 };

describe("whom the background listens to", () => {
  it("accepts its own content script only with its own id and from a tab", () => {
    expect(isOwnContentScript({ id: ownId, url: "http://127.0.0.1:5171/clienten/5501", tab: portalTab }, ownId, ownOrigin)).toBe(true);
    expect(isOwnContentScript({ id: ownId, tab: portalTab }, ownId, ownOrigin)).toBe(true);
    expect(isOwnContentScript({ id: ownId, url: "http://127.0.0.1:5171/" }, ownId, ownOrigin)).toBe(false);
    expect(isOwnContentScript({ id: ownId, url: "http://127.0.0.1:5171/", tab: {} }, ownId, ownOrigin)).toBe(false);
    expect(isOwnContentScript({ url: "http://127.0.0.1:5171/", tab: portalTab }, ownId, ownOrigin)).toBe(false);
  });

  it("does not take its own page in a tab for a content script", () => {
    expect(isOwnContentScript({ id: ownId, url: `${ownOrigin}sidepanel.html`, tab: portalTab }, ownId, ownOrigin)).toBe(false);
  });

  it("accepts its own page only from the extension's origin", () => {
    expect(isOwnExtensionPage({ id: ownId, url: `${ownOrigin}sidepanel.html` }, ownId, ownOrigin)).toBe(true);
    expect(isOwnExtensionPage({ id: ownId, url: `${ownOrigin}sidepanel.html`, tab: portalTab }, ownId, ownOrigin)).toBe(true);
    expect(isOwnExtensionPage({ id: ownId, url: "http://127.0.0.1:5171/clienten/5501", tab: portalTab }, ownId, ownOrigin)).toBe(false);
    expect(isOwnExtensionPage({ id: ownId }, ownId, ownOrigin)).toBe(false);
    expect(isOwnExtensionPage({ id: ownId, url: `chrome-extension://${ownId}x/sidepanel.html` }, ownId, ownOrigin)).toBe(false);
  });

  it("rejects another extension, whatever it claims to be", () => {
    const foreign = "someotherextension";
    expect(isOwnContentScript({ id: foreign, url: "http://127.0.0.1:5171/", tab: portalTab }, ownId, ownOrigin)).toBe(false);
    expect(isOwnExtensionPage({ id: foreign, url: `${ownOrigin}sidepanel.html` }, ownId, ownOrigin)).toBe(false);
    expect(isOwnExtensionPage({ id: foreign, url: `chrome-extension://${foreign}/sidepanel.html` }, ownId, ownOrigin)).toBe(false);
    expect(isOwnExtensionPage({ url: `${ownOrigin}sidepanel.html` }, ownId, ownOrigin)).toBe(false);
  });
});

describe("which messages the background accepts", () => {
  it("accepts the content script's two messages", () => {
    expect(contentMessageSchema.safeParse({ type: "portal/which-adapter", url: "http://127.0.0.1:5171/" }).success).toBe(true);
    expect(contentMessageSchema.safeParse({ type: "portal/client-detected", detected: { adapterId: "adapter-ggd", epdClientId: "5501" } }).success).toBe(true);
    expect(contentMessageSchema.safeParse({ type: "portal/client-detected", detected: { adapterId: "adapter-ggd", epdClientId: null } }).success).toBe(true);
  });

  it("rejects content messages of another type or shape", () => {
    const rejected = [
      null,
      "portal/which-adapter",
      {},
      { type: "sync/now" }, // a panel message from a content script
      { type: "portal/which-adapter" },
      { type: "portal/which-adapter", url: "x".repeat(4_001) },
      { type: "portal/client-detected", detected: { adapterId: "", epdClientId: "5501" } },
      { type: "portal/client-detected", detected: { adapterId: "adapter-ggd", epdClientId: "" } },
      { type: "portal/client-detected", detected: { adapterId: "adapter-ggd", epdClientId: "   " } },
      { type: "portal/client-detected", detected: { adapterId: "adapter-ggd", epdClientId: "9".repeat(101) } },
      { type: "portal/client-detected", detected: { adapterId: "adapter-ggd" } },
    ];
    for (const message of rejected) expect(contentMessageSchema.safeParse(message).success, JSON.stringify(message)).toBe(false);
  });

  it("trims a detected client id", () => {
    expect(detectedClientSchema.parse({ adapterId: "adapter-ldh", epdClientId: " LDH-0042 " }).epdClientId).toBe("LDH-0042");
  });

  it("accepts the panel's messages and rejects others", () => {
    expect(panelMessageSchema.safeParse({ type: "context/get", tabId: 12 }).success).toBe(true);
    expect(panelMessageSchema.safeParse({ type: "context/get", tabId: null }).success).toBe(true);
    expect(panelMessageSchema.safeParse({ type: "sync/now" }).success).toBe(true);
    expect(panelMessageSchema.safeParse({ type: "session/changed" }).success).toBe(true);
    const rejected = [
      { type: "context/get" },
      { type: "context/get", tabId: 1.5 },
      { type: "context/get", tabId: "12" },
      { type: "portal/which-adapter", url: "http://127.0.0.1:5171/" }, // a content message from a page
      { type: "session/sign-in", token: "stolen" },
    ];
    for (const message of rejected) expect(panelMessageSchema.safeParse(message).success, JSON.stringify(message)).toBe(false);
  });

  it("broadcasts only whole tab contexts", () => {
    const context = { tabId: 12, adapterId: "adapter-ggd", organisationId: "org-ggd", portalName: "GGD", epdClientId: "5501" };
    expect(backgroundEventSchema.safeParse({ type: "context/changed", context }).success).toBe(true);
    expect(backgroundEventSchema.safeParse({ type: "context/changed", context: { ...context, tabId: undefined } }).success).toBe(false);
  });
});

describe("whom the panel listens to", () => {
  const event = {
    type: "context/changed",
    context: { tabId: 12, adapterId: "adapter-ggd", organisationId: "org-ggd", portalName: "GGD", epdClientId: "5501" },
  };

  it("takes a context change from the extension's own background", () => {
    expect(backgroundEventFrom(event, { id: ownId, url: `${ownOrigin}background.js` }, ownId, ownOrigin)).toEqual(event);
  });

  it("ignores a context change a content script broadcasts, a foreign extension's, and any other shape", () => {
    expect(backgroundEventFrom(event, { id: ownId, url: "http://127.0.0.1:5171/clienten/5501", tab: portalTab }, ownId, ownOrigin)).toBeNull();
    expect(backgroundEventFrom(event, { id: "someotherextension", url: `${ownOrigin}background.js` }, ownId, ownOrigin)).toBeNull();
    expect(backgroundEventFrom({ ...event, type: "context/other" }, { id: ownId, url: `${ownOrigin}background.js` }, ownId, ownOrigin)).toBeNull();
  });
});
