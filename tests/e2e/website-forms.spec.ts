// Issue 15 end to end: a person sends the website's callback form; an agent's open workstation
// shows it within seconds through the long poll alone (no periodic sync); the agent claims it
// and sees what was sent (the phone number normalised), closes it; then neither the backend
// nor the workstation holds any of it. The forms have no serious or critical axe finding.
import AxeBuilder from '@axe-core/playwright';
import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { requests } from '../../backend/db/schema';
import { filesBelow, scanFiles } from '../../electron/core/retention/raw-scan';
import { expect, test } from './fixtures';

test.use({ syncIntervalMs: 0 });

async function expectNoSeriousAxeFindings(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const NAME = 'Gülşen Wójcik-Brandt';

test('a callback form reaches the open queue within seconds; claimed, called and closed, nothing of it is left', async ({ page, world, browser }) => {
  test.setTimeout(120_000);
  // The agent's workstation is open before the form is sent.
  const agent = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
  await agent.goto(world.appUrl);
  await agent.getByRole('button', { name: /Anna Agentin/ }).click();
  await expect(agent.getByTestId('current-user')).toContainText('Anna Agentin');
  await expect(agent.locator('[data-testid^="queue-row-"]').first()).toBeVisible();

  // The citizen: the overview, then the callback form.
  await page.goto(`${world.backend.url}/forms/`);
  await expectNoSeriousAxeFindings(page);
  await page.getByRole('link', { name: 'Rückrufservice' }).click();
  await expect(page.getByRole('heading', { name: 'Rückrufservice' })).toBeVisible();
  await expect(page.getByText('nur, um Sie einmal zurückzurufen')).toBeVisible();
  await expectNoSeriousAxeFindings(page);

  // Sent empty: the errors stand next to their fields, and a summary gets the focus.
  await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
  await page.getByRole('button', { name: 'Absenden' }).click();
  await expect(page.locator('#f-name-error')).toHaveText('Bitte Ihren Namen angeben.');
  await expect(page.locator('#f-phone-error')).toContainText('Telefonnummer');
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#summary')).toBeFocused();
  await expectNoSeriousAxeFindings(page);

  await page.getByLabel('Frau').check();
  await page.getByLabel('Name').fill(NAME);
  await page.getByLabel('Telefonnummer').fill('0234 / 960 - 1234');
  await page.getByLabel('Wunschtag').selectOption({ index: 1 });
  await page.getByLabel('Von').selectOption('10:00');
  await page.getByLabel('Bis').selectOption('12:00');
  await page.getByRole('combobox', { name: /^Anliegen/ }).selectOption('billing');
  await page.getByRole('button', { name: 'Absenden' }).click();
  await expect(page.getByRole('heading', { name: /Vielen Dank/ })).toBeVisible();
  const reference = (await page.getByTestId('reference').innerText()).trim();
  expect(reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expectNoSeriousAxeFindings(page);

  // The agent finds it by the reference the caller quotes, within seconds, without syncing by hand.
  const [stored] = await world.backend.database.db.select({ id: requests.id }).from(requests).where(eq(requests.reference, reference));
  const row = agent.getByTestId(`queue-row-${stored!.id}`);
  await expect(row).toBeVisible({ timeout: 8_000 });
  // The caller quotes the code as it sounds: lower case, no hyphen.
  await agent.getByLabel('Suchen').fill(reference.replace('-', '').toLowerCase());
  await expect(agent.locator('[data-testid^="queue-row-"]')).toHaveCount(1);
  await row.click();
  const detail = agent.getByTestId('request-detail');
  await expect(detail.getByTestId('detail-reference')).toHaveText(reference);
  await detail.getByRole('button', { name: 'Übernehmen' }).click();
  const personal = detail.getByTestId('personal-data');
  await expect(personal).toContainText(NAME);
  await expect(personal.locator('a[href="tel:+492349601234"]')).toBeVisible();

  await detail.getByLabel('Anrufversuch', { exact: true }).selectOption('reached');
  await detail.getByRole('button', { name: 'Versuch erfassen' }).click();
  await expect(detail.getByTestId('attempt-history').locator('li')).toHaveCount(1);
  await detail.getByTestId('close-suggestion').getByRole('button', { name: /Erledigt/ }).click();
  await expect(detail.getByTestId('personal-data')).toHaveCount(0, { timeout: 15_000 });

  // Neither the backend nor the workstation holds any of it.
  await expect
    .poll(async () => (await world.backend.database.db.select({ name: requests.name, phone: requests.phone }).from(requests).where(eq(requests.id, stored!.id)))[0], { timeout: 15_000 })
    .toEqual({ name: null, phone: null });
  await expect.poll(() => scanFiles(filesBelow(world.dataDir), [NAME, '9601234']), { timeout: 15_000 }).toEqual([]);
  await agent.context().close();
});
