// Steps the officers' specs share: log in from the demo list, open a dpo case and
// claim it, and read the person's name as the panel shows it (without the salutation), which is
// what the Find searches by.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export async function loginAs(page: Page, who: RegExp, displayName: string): Promise<void> {
  await page.getByRole('button', { name: who }).click();
  await expect(page.getByTestId('current-user')).toContainText(displayName);
}

/** Opens the `index`-th dpo case, claims it and returns its panel and the person's name. */
export async function claimDpoCase(page: Page, index = 0): Promise<{ panel: Locator; name: string }> {
  const panel = page.getByTestId('officer-case');
  // The list may still re-render from the first sync when the row is clicked: click until the case opens.
  await expect(async () => {
    await page.getByTestId('officer-cases').locator('tr[data-kind="dpo"]').nth(index).getByRole('button').click();
    await expect(panel.getByRole('button', { name: 'Übernehmen' })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await panel.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(panel.getByTestId('personal-data')).toBeVisible();
  const name = (await panel.getByTestId('personal-data').locator('dd').first().innerText()).trim().replace(/^(Frau|Herr)\s+/, '');
  return { panel, name };
}
