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

/**
 * Opens a Select or TreeSelect and picks the option whose label is exactly `label`.
 * In a searchable control the label is typed first, so options further down the list
 * (or deep in a region tree) are reached too.
 */
export async function chooseOption(page: Page, target: string | Locator, label: string): Promise<void> {
  const container = selectContainer(page, target);
  await container.click();
  const input = container.locator('input').first();
  if ((await input.count()) > 0 && (await input.isEditable().catch(() => false))) {
    await input.fill(label);
  }
  const dropdown = openDropdown(page);
  await dropdown.waitFor({ state: 'visible' });
  const option = dropdown
    .locator('.ant-select-item-option, .ant-select-tree-treenode .ant-select-tree-node-content-wrapper')
    .filter({ hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
    .first();
  await option.click();
}

/** Picks several options of a multiple Select, then closes it. */
export async function chooseOptions(page: Page, target: string | Locator, labels: string[]): Promise<void> {
  for (const label of labels) await chooseOption(page, target, label);
  await page.keyboard.press('Escape');
}

/** The labels shown as chosen in a Select (tags of a multiple select, or the single value). */
export async function chosenLabels(page: Page, target: string | Locator): Promise<string[]> {
  const container = selectContainer(page, target);
  const tags = container.locator('.ant-select-selection-item');
  return (await tags.allTextContents()).map((t) => t.trim()).filter(Boolean);
}
