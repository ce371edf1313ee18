// Issue 17, items 1 and 2, in a real Chromium: the data-protection officer marks a dpo case as an
// Auskunft with its identity check, extends the deadline once, searches the backend for the person
// by name (keyboard: Enter submits) and includes the hit with a reason. The list shows the type.
import { claimDpoCase, loginAs } from './officer-steps';
import { expect, test } from './fixtures';

test('DPO: marks a case as Auskunft, extends it once, finds the person and decides the hit', async ({ page, world }) => {
  test.setTimeout(120_000);
  await page.goto(world.appUrl);
  await loginAs(page, /Dana Datenschutz/, 'Dana Datenschutz');
  const { panel, name } = await claimDpoCase(page);
  const cases = page.getByTestId('officer-cases');

  const subject = panel.getByTestId('subject-request');
  await subject.getByRole('button', { name: 'Als Betroffenenantrag kennzeichnen' }).click();
  await expect(subject.getByTestId('subject-type-error')).toHaveText('Bitte die Art des Antrags wählen.');
  await subject.getByLabel('Art des Antrags').selectOption('access');
  await subject.getByLabel('Identität geprüft durch').first().selectOption('customer_data');
  await subject.getByLabel('Vermerk zur Prüfung').first().fill('Kundennummer abgeglichen');
  await subject.getByRole('button', { name: 'Als Betroffenenantrag kennzeichnen' }).click();
  await expect(subject.getByTestId('subject-facts')).toContainText('Auskunft (Art. 15 DSGVO)');
  await expect(cases.getByTestId('answer-by').first()).toBeVisible();
  await expect(cases).toContainText('Auskunft (Art. 15 DSGVO)');

  await subject.getByText('Frist verlängern (einmalig, um bis zu 2 Monate)').click();
  await subject.getByLabel('Gründe (werden der Person mitgeteilt)').fill('Daten in mehreren Systemen');
  await subject.getByRole('button', { name: 'Frist einmalig verlängern' }).click();
  await expect(subject.getByTestId('subject-extended')).toContainText('Person muss über die Verlängerung');
  await subject.getByRole('button', { name: 'Mitteilung vermerken' }).click();
  await expect(subject.getByTestId('subject-extended')).toContainText('Person informiert am');

  const find = subject.getByTestId('subject-find');
  await find.getByLabel('Kundennummer').fill('4711999999999');
  await find.getByLabel('Kundennummer').press('Enter');
  await expect(find.getByTestId('subject-no-hits')).toBeVisible();
  await find.getByLabel('Kundennummer').fill('');
  await find.getByLabel('Name').fill(name);
  await find.getByLabel('Name').press('Enter');
  const hit = find.getByTestId('subject-hit').first();
  await expect(hit).toContainText('Anfrage');
  // Part 3: the disclosures register is searched too, so no source is left out.
  await expect(find.getByTestId('subject-not-searched')).toHaveCount(0);
  await hit.getByLabel('Begründung').fill('Der Antrag selbst');
  await hit.getByRole('button', { name: 'Aufnehmen' }).click();
  await expect(hit.getByTestId('subject-hit-decision')).toContainText('Aufgenommen: Der Antrag selbst');
});
