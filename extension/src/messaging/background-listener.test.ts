import { describe, expect, it } from "vitest";
import { type BackgroundParts, backgroundListener } from "./background-listener.ts";
import type { BackgroundEvent, TabContext } from "./protocol.ts";
import type { MessageSender } from "./sender.ts";

const ownId = "naastextensionid";
const ownOrigin = `chrome-extension://${ownId}/`;
const contentScript: MessageSender = { id: ownId, url: "http://127.0.0.1:5171/clienten/5501", tab: { id: 12 } };
const panel: MessageSender = { id: ownId, url: `${ownOrigin}sidepanel.html` };
const detected = { type: "portal/client-detected", detected: { adapterId: "adapter-ggd", epdClientId: "5501" } };
const context: TabContext = { tabId: 12, adapterId: "adapter-ggd", organisationId: "org-ggd", portalName: "GGD", epdClientId: "5501" };

/** The listener as background.ts wires it, with parts that write down what they were asked. */
function wired() {
  const calls: string[] = [];
  const broadcasts: BackgroundEvent[] = [];
  const parts: BackgroundParts = {
    extensionId: ownId,
    extensionOrigin: ownOrigin,
    contexts: {
      adapterForUrl: async (url) => {
        calls.push(`adapterForUrl ${url}`);
        return null;
      },
      report: async (tabId, d) => {
        calls.push(`report ${tabId} ${d.epdClientId}`);
        return context;
      },
      get: async (tabId) => {
        calls.push(`get ${tabId}`);
        return context;
      },
    },
    engine: {
      syncNow: async () => calls.push("syncNow"),
      restartLive: async () => calls.push("restartLive"),
    },
    activeTabId: async () => {
      calls.push("activeTabId");
      return 12;
    },
    broadcast: async (event) => broadcasts.push(event),
  };
  const listener = backgroundListener(parts);
  /** Sends one message; resolves with whether the listener answered, what, and what it did. */
  const send = async (message: unknown, sender: MessageSender) => {
    const replies: unknown[] = [];
    const answers = listener(message, sender, (reply) => replies.push(reply));
    await new Promise((r) => setTimeout(r, 10));
    return { answers, replies, calls: [...calls], broadcasts: [...broadcasts] };
  };
  return { send };
}

describe("the background's message listener, as wired", () => {
  it("takes a detected client from its own content script in a tab, and tells the panels", async () => {
    expect(await wired().send(detected, contentScript)).toEqual({
      answers: true,
      replies: [null],
      calls: ["report 12 5501"],
      broadcasts: [{ type: "context/changed", context }],
    });
  });

  it("answers its own panel: the context of the active tab, a sync", async () => {
    expect(await wired().send({ type: "context/get", tabId: null }, panel)).toMatchObject({
      answers: true,
      replies: [context],
      calls: ["activeTabId", "get 12"],
    });
    expect(await wired().send({ type: "sync/now" }, panel)).toMatchObject({ answers: true, replies: [null], calls: ["syncNow"] });
  });

  it("ignores another extension, whether it poses as a content script or as a page", async () => {
    const foreign = "someotherextension";
    expect(await wired().send(detected, { ...contentScript, id: foreign })).toEqual({ answers: false, replies: [], calls: [], broadcasts: [] });
    expect(await wired().send({ type: "sync/now" }, { ...panel, id: foreign })).toEqual({ answers: false, replies: [], calls: [], broadcasts: [] });
    expect(await wired().send({ type: "context/get", tabId: 12 }, { id: foreign, url: `chrome-extension://${foreign}/sidepanel.html` })).toEqual({
      answers: false,
      replies: [],
      calls: [],
      broadcasts: [],
    });
  });

  it("ignores a content script without a tab", async () => {
    const { tab: _tab, ...tabless } = contentScript;
    expect(await wired().send(detected, tabless)).toEqual({ answers: false, replies: [], calls: [], broadcasts: [] });
    expect(await wired().send(detected, { ...contentScript, tab: {} })).toEqual({ answers: false, replies: [], calls: [], broadcasts: [] });
  });

  it("ignores a message of the wrong type for its sender", async () => {
    // A panel message from a content script, a content message from the panel, an unknown type.
    expect(await wired().send({ type: "sync/now" }, contentScript)).toEqual({ answers: false, replies: [], calls: [], broadcasts: [] });
    expect(await wired().send(detected, panel)).toEqual({ answers: false, replies: [], calls: [], broadcasts: [] });
    expect(await wired().send({ type: "session/sign-in", token: "stolen" }, panel)).toEqual({ answers: false, replies: [], calls: [], broadcasts: [] });
  });
});
