import type { Locator, Page } from "playwright-core";

/** Moves the focus with Tab, as someone without a mouse does, until `target` has it. */
export async function tabTo(page: Page, target: Locator, maxPresses = 300): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/** Whether `target` has the focus now. */
export const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);
