import type { ToDoTarget } from "@naast/shared";
import type { RefObject } from "preact";
import { useEffect } from "preact/hooks";

/** The client view's section each Te doen target opens at (by the section's class). */
const sectionOf: Record<ToDoTarget, string> = {
  agreements: ".card.agreements",
  consent: ".card.consent",
  contacts: ".card.notes",
  handover: ".card.handovers",
  escalation: ".card.escalations",
  timeout: ".card.timeout",
  flexbudget: ".card.flexbudget",
};

/**
 * Once the client view has rendered, brings the section an item is about into view and moves the
 * keyboard focus to it, so a screen reader starts there too (after the heading's focus on a new
 * client: this hook runs after useFocusOnShow's).
 */
export function useFocusSection(root: RefObject<HTMLElement | null>, target: ToDoTarget | null | undefined, ready: boolean): void {
  useEffect(() => {
    if (!target || !ready) return;
    const section = root.current?.querySelector<HTMLElement>(sectionOf[target]);
    if (!section) return;
    // Flexbudget and time-out sit under "Meer": unfold it (its toggle keeps the panel's choice).
    const fold = section.closest("details");
    if (fold && !fold.open) fold.open = true;
    if (!section.hasAttribute("tabindex")) section.setAttribute("tabindex", "-1");
    section.scrollIntoView({ block: "start" });
    section.focus();
  }, [target, ready]);
}
