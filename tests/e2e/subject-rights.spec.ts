// Issue 17 part 5 in a real Chromium: the data-protection officer corrects the e-mail of a
// request of the person (a Berichtigung; an invalid address is refused in German, the record shows
// only which field changed), then on an Einschränkung case restricts an included request and lifts
// the restriction again, each with a reason. Forms submit with Enter.
import type { Locator, Page } from '@playwright/test';
import { claimDpoCase, loginAs } from './officer-steps';
import { expect, test } from './fixtures';

async function takeCase(page: Page, index: number, type: string): Promise<{ panel: Locator; subject: Locator; name: string }> {
  const { panel, name } = await claimDpoCase(page, index);
  const subject = panel.getByTestId('subject-request');
  await subject.getByLabel('Art des Antrags').selectOption(type);
  await subject.getByLabel('Identität geprüft durch').first().selectOption('customer_data');
  await subject.getByRole('button', { name: 'Als Betroffenenantrag kennzeichnen' }).click();
  const find = subject.getByTestId('subject-find');
  await find.getByLabel('Name').fill(name);
  await find.getByLabel('Name').press('Enter');
  const hit = find.getByTestId('subject-hit').first();
  await hit.getByLabel('Begründung').fill('Anfrage der Person');
  await hit.getByRole('button', { name: 'Aufnehmen' }).click();
  await expect(hit.getByTestId('subject-hit-decision')).toContainText('Aufgenommen');
  return { panel, subject, name };
}

test('DPO: corrects an e-mail address (Berichtigung), restricts a request and lifts it (Einschränkung)', async ({ page, world }) => {
  test.setTimeout(120_000);
  await page.goto(world.appUrl);
  await loginAs(page, /Dana Datenschutz/, 'Dana Datenschutz');

  const first = await takeCase(page, 0, 'rectification');
  const hit = first.subject.getByTestId('subject-hit').first();
  await hit.getByText('Berichtigen').click();
  const email = hit.getByLabel('E-Mail');
  await email.fill('keine-adresse');
  await email.press('Enter');
  await expect(hit.getByRole('alert')).toContainText('E-Mail-Adresse');
  await email.fill('neue.adresse@example.de');
  await email.press('Enter');
  await expect(hit.getByTestId('rectify-done')).toContainText('Berichtigt: E-Mail');
  await expect(first.subject.getByTestId('rectifications')).toContainText('Berichtigt: E-Mail (Dana Datenschutz');
  await expect(first.subject.getByTestId('rectifications')).not.toContainText('neue.adresse');
  // This workstation holds the corrected request (the case itself): the feed brings the new value into its copy.
  await expect(first.panel.getByTestId('personal-data')).toContainText('neue.adresse@example.de', { timeout: 30_000 });

  const second = await takeCase(page, 1, 'restriction');
  const restrictable = second.subject.getByTestId('subject-hit').first();
  await restrictable.getByLabel('Grund der Einschränkung').fill('kurz');
  await restrictable.getByLabel('Grund der Einschränkung').press('Enter');
  await expect(restrictable).toContainText('mindestens 10 Zeichen');
  await restrictable.getByLabel('Grund der Einschränkung').fill('Richtigkeit wird bestritten');
  await restrictable.getByLabel('Grund der Einschränkung').press('Enter');
  await expect(restrictable.getByTestId('hit-restricted')).toContainText('Eingeschränkt seit');
  const restriction = second.subject.getByTestId('restriction').first();
  await expect(restriction).toHaveAttribute('data-active', 'true');
  await expect(restriction).toContainText('eingeschränkt – Richtigkeit wird bestritten');
  await restriction.getByLabel('Grund der Aufhebung').fill('Richtigkeit geprüft und bestätigt');
  await restriction.getByLabel('Grund der Aufhebung').press('Enter');
  await expect(restriction).toHaveAttribute('data-active', 'false');
  await expect(restriction).toContainText('Aufgehoben');
  await expect(restrictable.getByTestId('hit-restricted')).toHaveCount(0);
});
