import type { PortalPage } from "./read-client-id.ts";

/**
 * A DOM document as a PortalPage: the live page in the extension, a parsed saved page in
 * `naast adapter test`. Visible text is innerText where the DOM lays it out (a browser), and
 * textContent where it does not (a parser without layout).
 */
export function documentPage(document: Pick<Document, "querySelector" | "title" | "body">, url: string): PortalPage {
  const textOf = (element: Element | null) => {
    if (!element) return null;
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text, as the user sees the number on the page (hidden and template text left out); textContent only where there is no layout
    const inner = (element as Partial<HTMLElement>).innerText;
    return typeof inner === "string" ? inner : element.textContent;
  };
  return {
    url,
    title: document.title ?? "",
    attribute: (selector, name) => document.querySelector(selector)?.getAttribute(name),
    text: (selector) => textOf(selector === null ? document.body : document.querySelector(selector)),
  };
}
