import type { Page } from "playwright-core";
import { type Summary, summarise } from "./stats.ts";

/**
 * A note added in the panel, as a user does: the text typed into the form, then, timed in the
 * panel page, from the form's submit (mutator applied to IndexedDB, queued in the outbox) until
 * the panel's DOM lists the note (liveQuery re-read, Preact re-render). Timed by the bench in the
 * page; the extension is not changed for it.
 */
export async function localEdit(panel: Page, edits: number): Promise<{ ms: number[]; timeouts: number; summary: Summary }> {
  const ms: number[] = [];
  let timeouts = 0;
  for (let i = 0; i < edits; i++) {
    const text = `Bench-notitie ${i}: samen naar het wijkteam geweest, aanvraag ingediend (${Date.now()}).`;
    await panel.locator("section.notes textarea[name=note]").fill(text);
    // A contact names its kind (the form requires one) since notes became contacts.
    await panel.locator("section.notes select[name=contact-type]").selectOption({ index: 1 });
    const elapsed = await panel
      .evaluate(
        (expected) =>
          new Promise<number>((resolve, reject) => {
            const form = document.querySelector<HTMLFormElement>("section.notes form");
            if (!form) throw new Error("no note form");
            const timer = setTimeout(() => reject(new Error("the note did not appear within 10 s")), 10_000);
            const observer = new MutationObserver(() => {
              // Inline, not a named helper: the bench's loader would wrap one in a `__name` the page lacks.
              if (![...document.querySelectorAll("section.notes [data-testid=contact] p")].some((p) => p.textContent === expected)) return;
              const t1 = performance.now();
              observer.disconnect();
              clearTimeout(timer);
              resolve(t1 - t0);
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            const t0 = performance.now();
            form.requestSubmit();
          }),
        text,
      )
      .catch((error: unknown) => {
        // Counted as 10 s (a miss) and the run goes on: one lost note should not hide the other figures.
        if (!String(error).includes("did not appear")) throw error;
        timeouts += 1;
        return 10_000;
      });
    ms.push(elapsed);
    // A person takes seconds between two notes: let this one's push, pull and second re-render
    // (the background storing the server's answer) finish before the next is timed.
    await panel.waitForTimeout(250);
  }
  return { ms, timeouts, summary: summarise(ms) };
}
