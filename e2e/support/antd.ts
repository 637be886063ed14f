/** Driving Ant Design controls the way a person does: open, then pick the option by its label. */
import type { Locator, Page } from 'playwright-core';

/** The visible dropdown of the Select/TreeSelect that is open right now. */
function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
}

/** The clickable container of the Select whose input has this id (or of the given element). */
export function selectContainer(page: Page, target: string | Locator): Locator {
  const el = typeof target === 'string' ? page.locator(`[id="${target}"]`) : target;
  // The hook may sit on the input, on the Select itself, or on a wrapper around it.
  return el
    .locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]')
    .or(el.locator('.ant-select'))
    .first();
}

/** The labels shown as chosen in a Select: the tags of a multiple select, or the single value. */
export async function chosenLabels(page: Page, target: string | Locator): Promise<string[]> {
  const container = selectContainer(page, target);
  const multiple = ((await container.getAttribute('class')) ?? '').split(/\s+/).includes('ant-select-multiple');
  const items = multiple ? container.locator('.ant-select-selection-item') : container.locator('.ant-select-content-has-value');
  return (await items.allTextContents()).map((t) => t.trim()).filter(Boolean);
}

const exactly = (label: string) => new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/**
 * Opens a Select or TreeSelect and picks the option whose label is exactly `label`, then
 * checks that the control shows it. In a searchable control the label is typed first, so
 * options further down the list (or deep in a region tree) are reached too. A click that
 * lands while a modal or the dropdown is still animating is retried.
 */
export async function chooseOption(page: Page, target: string | Locator, label: string): Promise<void> {
  const container = selectContainer(page, target);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await container.click();
      const input = container.locator('input').first();
      if ((await input.count()) > 0 && (await input.isEditable().catch(() => false))) await input.fill(label);
      const dropdown = openDropdown(page);
      await dropdown.waitFor({ state: 'visible', timeout: 5_000 });
      await dropdown
        .locator('.ant-select-item-option, .ant-select-tree-treenode .ant-select-tree-node-content-wrapper')
        .filter({ hasText: exactly(label) })
        .first()
        .click({ timeout: 5_000 });
      for (let i = 0; i < 20; i++) {
        if ((await chosenLabels(page, target)).includes(label)) return;
        await page.waitForTimeout(100);
      }
      lastError = new Error(`"${label}" was clicked but the select does not show it`);
    } catch (err) {
      lastError = err;
    }
    // Close a dropdown left open (Escape without one would close a surrounding modal).
    if (await openDropdown(page).isVisible()) await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }
  throw lastError;
}

/** Picks several options of a multiple Select, then closes it. */
export async function chooseOptions(page: Page, target: string | Locator, labels: string[]): Promise<void> {
  for (const label of labels) await chooseOption(page, target, label);
  await page.keyboard.press('Escape');
}

/**
 * Presses a dialog's OK button until the request it sends leaves the browser: a click that
 * lands while the dialog is still opening (antd's zoom animation) does nothing, so it is
 * retried, at most three times.
 */
export async function pressUntilSent(page: Page, button: Locator, isRequest: (url: string, method: string) => boolean): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await Promise.all([page.waitForRequest((r) => isRequest(r.url(), r.method()), { timeout: 4_000 }), button.click()]);
      return;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
