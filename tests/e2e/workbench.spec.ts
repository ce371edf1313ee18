// Issue 3, the agents' workbench, end to end in Chromium. Backend, core and browser share the
// test clock (fixtures.ts), which the test moves, so a callback's preferred window can open and
// 30 minutes can pass without waiting.
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { claimRequest } from '../../backend/lifecycle/claim';
import { DEFAULT_LEASE_SECONDS } from '../../backend/server';
import type { SessionUser } from '../../shared/sync-api';
import { berlinDate, expect, test, travel, type DeskWorld } from './fixtures';
import { TIME_SENSITIVE } from '../time-sensitive';

// The soonest window can be days ahead (a Friday evening, a holiday season): the session must outlive the jump.
test.use({ backendSeed: 23, demo: { callbacks: 30, contacts: 12, dpo: 2, equality: 2, sms: 50 }, tokenTtlSeconds: 14 * 86_400 });

/** YYYY-MM-DD as the desk's German date entry expects it. */
const germanDate = (iso: string) => iso.split('-').reverse().join('.');

const rows = (page: Page) => page.locator('[data-testid^="queue-row-"]');

async function logInAsAgent(page: Page, world: DeskWorld) {
  await page.goto(world.appUrl);
  await page.getByRole('button', { name: /Anna Agentin/ }).click();
  await expect(page.getByTestId('current-user')).toContainText('Anna Agentin');
  await expect(rows(page).first()).toBeVisible();
}

async function expectNoSeriousAxeFindings(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('agent filters, claims a due callback, records no answer then reached, closes; personal data gone; her day counts it', { tag: TIME_SENSITIVE }, async ({ page, world }) => {
  await logInAsAgent(page, world);
  // Her own day, shown while nothing is selected: nothing closed yet.
  const myDay = page.getByTestId('agent-day');
  await expect(myDay.getByTestId('agent-day-closed')).toHaveText('0');
  await expect(myDay.getByTestId('agent-day-reach')).toHaveText('–');

  // Filter by kind: only callbacks, and the header counts them.
  await page.getByTestId('filter-kind-callback').click();
  const callbackCount = Number(await page.getByTestId('filter-kind-callback').locator('.filter-count').innerText());
  await expect(rows(page)).toHaveCount(callbackCount);
  await expect(page.locator('[data-testid^="queue-row-"][data-kind="contact"]')).toHaveCount(0);
  // Open the window of the soonest upcoming open callback.
  const open = (await world.desk.invoke('queue.list', { kinds: ['callback'], statuses: ['open'] })).filter((r) => r.due === 'upcoming');
  const target = open[0]!;
  await travel(page, world.clock, { iso: new Date(Date.parse(target.dueFrom!) + 2 * 60_000).toISOString() });
  await page.getByTestId('filter-due_now').click();
  const row = page.getByTestId(`queue-row-${target.id}`);
  await expect(row).toHaveAttribute('data-due', 'due', { timeout: 15_000 });
  // The count follows the clock jump with the next refresh: wait until rows and count agree.
  const dueCount = page.getByTestId('filter-due_now').locator('.filter-count');
  await expect.poll(async () => (await rows(page).count()) === Number(await dueCount.innerText()) && (await rows(page).count()) > 0, { timeout: 15_000 }).toBe(true);
  await row.click();
  const detail = page.getByTestId('request-detail');
  await expect(detail.getByTestId('personal-data')).toHaveCount(0);
  await page.locator('body').press('c'); // keyboard claim
  const personal = detail.getByTestId('personal-data');
  await expect(personal).toBeVisible();
  await expect(detail.getByTestId('detail-lease')).toContainText('wird während der Bearbeitung verlängert');
  await expect(personal.locator('a[href^="tel:+49"]')).toBeVisible();
  await expect(personal.getByRole('button', { name: /kopieren/ })).toBeVisible();
  const name = (await personal.locator('dd').first().innerText()).trim();
  await expectNoSeriousAxeFindings(page);
  await detail.getByLabel('Anrufversuch', { exact: true }).selectOption('no_answer');
  await detail.getByRole('button', { name: 'Versuch erfassen' }).click();
  await expect(detail.getByTestId('attempt-history').locator('li')).toHaveCount(1);
  await expect(detail.getByTestId('retry-reason')).toContainText('Mindestabstand 30 Minuten');
  await expect(detail.getByRole('button', { name: 'Versuch erfassen' })).toBeDisabled();
  await travel(page, world.clock, { ms: 31 * 60_000 });
  await expect(detail.getByRole('button', { name: 'Versuch erfassen' })).toBeEnabled({ timeout: 15_000 });
  // Keyboard: "a" goes to the attempt's result, Enter records it.
  await page.keyboard.press('a');
  const disposition = detail.getByLabel('Anrufversuch', { exact: true });
  await expect(disposition).toBeFocused();
  await disposition.selectOption('reached');
  await page.keyboard.press('Enter');
  await expect(detail.getByTestId('attempt-history').locator('li')).toHaveCount(2);
  await expect(detail.getByTestId('attempt-history')).toContainText('Erreicht');
  const suggestion = detail.getByTestId('close-suggestion');
  await suggestion.getByRole('button', { name: 'Als „Erledigt“ abschließen' }).click();
  // Closed stays visible as closed (with the filters reset), without personal data.
  await page.getByTestId('filter-due_now').click();
  await expect(row).toHaveAttribute('data-status', 'closed');
  await expect(detail.getByTestId('personal-data')).toHaveCount(0);
  await expect(detail).toContainText('personenbezogenen Daten sind gelöscht');
  await expect(page.locator('body')).not.toContainText(name);

  // Her day: one callback closed, reached, in two attempts (computed in the core from the attempts).
  await detail.getByRole('button', { name: 'Auswahl aufheben' }).click();
  await expect(myDay.getByTestId('agent-day-closed')).toHaveText('1');
  await expect(myDay.getByTestId('agent-day-reach')).toHaveText(/^100\s%\s\(1 von 1\)$/);
  await expect(myDay.getByTestId('agent-day-attempts')).toHaveText('2');
  await expect(myDay.getByTestId('agent-day-attempts-today')).toHaveText('2 Versuche');
  await expectNoSeriousAxeFindings(page);
});

test('keyboard: j/k move, Enter opens, / searches, ? lists the shortcuts; focus is visible', async ({ page, world }) => {
  await logInAsAgent(page, world);
  const body = page.locator('body');
  await body.press('j');
  await expect(rows(page).nth(0)).toHaveAttribute('aria-current', 'true');
  await body.press('j');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-current', 'true');
  await body.press('k');
  await expect(rows(page).nth(0)).toHaveAttribute('aria-current', 'true');
  await body.press('Enter');
  await expect(page.locator('#detail-heading')).toBeFocused();
  const outline = await page.locator('#detail-heading').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');

  await body.press('?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Anrufversuch erfassen');
  await expectNoSeriousAxeFindings(page);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await body.press('/');
  await expect(page.getByLabel('Suchen')).toBeFocused();
  await page.keyboard.type('Kontaktanfrage');
  await expect(page.locator('[data-testid^="queue-row-"][data-kind="callback"]')).toHaveCount(0);
  await expect(rows(page).first()).toHaveAttribute('data-kind', 'contact');
});

test('a contact request is claimed, read as text, forwarded and closed with retention', { tag: TIME_SENSITIVE }, async ({ page, world }) => {
  await logInAsAgent(page, world);
  await page.getByTestId('filter-kind-contact').click();
  const row = page.locator('[data-testid^="queue-row-"][data-status="open"]').first();
  const id = (await row.getAttribute('data-testid'))!.replace('queue-row-', '');
  await row.click();
  const detail = page.getByTestId('request-detail');
  await detail.getByRole('button', { name: 'Übernehmen' }).click();
  const message = detail.getByTestId('message-text');
  await expect(message).toBeVisible();
  // Text, never HTML: whatever the customer typed stays characters.
  await expect(detail.getByTestId('personal-data').locator('script, b, img')).toHaveCount(0);

  await detail.getByLabel('Fachabteilung').selectOption('grid');
  await detail.getByRole('button', { name: 'Weiterleiten' }).click();
  await expect(detail.getByTestId('detail-forwarded')).toHaveText('Netz');

  await detail.getByLabel('Daten nach Abschluss aufbewahren').check();
  await detail.getByLabel('Aufbewahrungsgrund').selectOption('customer_care');
  const inTwoYears = berlinDate(world.clock, 2 * 365);
  // The app's own German date entry: an ISO date is refused in German, dd.mm.yyyy is read.
  await detail.getByLabel('Aufbewahren bis').fill(inTwoYears);
  await detail.getByLabel('Aufbewahren bis').blur();
  await expect(detail.getByTestId('retention-until-error')).toContainText('TT.MM.JJJJ');
  await detail.getByLabel('Aufbewahren bis').fill(germanDate(inTwoYears));
  await detail.getByRole('button', { name: 'Abschließen' }).click();
  await expect(detail.getByTestId('retention-until-error')).toContainText('höchstens 1 Jahr,');
  const inSixMonths = berlinDate(world.clock, 182);
  await detail.getByLabel('Aufbewahren bis').fill(germanDate(inSixMonths));
  await detail.getByRole('button', { name: 'Abschließen' }).click();
  await expect(detail.getByTestId('retention-until-error')).toHaveCount(0);
  await expect(detail.getByTestId('retention-note-error')).toContainText('Begründung');
  await detail.getByLabel('Begründung (Pflicht)').fill('Rückfrage der Kundin zur Abschlagsänderung erwartet');
  await expectNoSeriousAxeFindings(page);
  await detail.getByRole('button', { name: 'Abschließen' }).click();
  // The close waits for its undo time; "Jetzt abschließen" sends it at once.
  await page.getByTestId('undo-close').getByRole('button', { name: 'Jetzt abschließen' }).click();
  await expect(page.getByTestId(`queue-row-${id}`)).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('announcer')).toContainText('aufbewahrt');
  // Issue 16: the backend keeps a retained case; this workstation shows why and until when, its
  // copy (and the note) went at close.
  await expect(detail.getByTestId('detail-retention')).toContainText('Kundenbetreuung');
  await expect(detail.getByTestId('detail-retention')).toContainText(germanDate(inSixMonths));
  await expect(detail.getByTestId('detail-retention')).not.toContainText('Abschlagsänderung');
  await expect(detail.getByTestId('personal-data')).toHaveCount(0);
  // Read again from the backend, read-only, only with a reason.
  await detail.getByRole('button', { name: 'Aufbewahrten Fall einsehen' }).click();
  await detail.getByRole('button', { name: 'Einsehen' }).click();
  await expect(detail.getByTestId('retained-view-form')).toContainText('Bitte den Grund nennen');
  await detail.getByLabel(/Grund der Einsicht/).fill('Rückruf der Kundin zur Abschlagsänderung');
  await detail.getByRole('button', { name: 'Einsehen' }).click();
  const retained = detail.getByTestId('retained-case');
  await expect(retained.getByTestId('retained-read-only')).toHaveText('nur lesen');
  await expect(retained).toContainText('Abschlagsänderung erwartet');
  await expect(retained).toContainText('Kundenbetreuung');
  await expect(retained.locator('input, textarea, select')).toHaveCount(0);
  await expectNoSeriousAxeFindings(page);
});

/**
 * Another agent at another workstation, talking to the plain sync API, or (`atBackend`) claiming
 * in the backend's process, past fault mode, as the same claim the API would make.
 */
async function otherAgent(world: DeskWorld): Promise<(requestId: string, how?: { atBackend: boolean }) => Promise<void>> {
  const workstation = crypto.randomUUID();
  const session = await fetch(`${world.backend.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agent2', password: 'agent2', workstation }),
  });
  const { token, user } = (await session.json()) as { token: string; user: SessionUser };
  return async (requestId, how) => {
    if (how?.atBackend) {
      const outcome = await claimRequest(world.backend.database.db, requestId, { user, workstation }, crypto.randomUUID(), world.clock.now(), DEFAULT_LEASE_SECONDS * 1000);
      expect(outcome.status).toBe('claimed');
      return;
    }
    const claim = await fetch(`${world.backend.url}/api/v1/requests/${requestId}/claim`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ eventId: crypto.randomUUID() }),
    });
    expect(claim.status).toBe(200);
  };
}

test('claimed elsewhere shows who; a claim refused with 409 is shown clearly and holds no personal data', async ({ page, world }) => {
  await logInAsAgent(page, world);
  const open = page.locator('[data-testid^="queue-row-"][data-status="open"][data-kind="callback"]');
  const firstId = (await open.nth(0).getAttribute('data-testid'))!.replace('queue-row-', '');
  const secondId = (await open.nth(1).getAttribute('data-testid'))!.replace('queue-row-', '');

  // 1. The feed tells us someone else holds it: the owner is named, no claim is offered.
  const claimAsBen = await otherAgent(world);
  await claimAsBen(firstId);
  const first = page.getByTestId(`queue-row-${firstId}`);
  await expect(first).toHaveAttribute('data-status', 'claimed_elsewhere', { timeout: 15_000 });
  await expect(first).toContainText('Ben Berater');
  await first.click();
  const detail = page.getByTestId('request-detail');
  await expect(detail.getByTestId('detail-owner')).toContainText('Ben Berater (anderer Arbeitsplatz)');
  await expect(detail.getByRole('button', { name: 'Übernehmen' })).toHaveCount(0);

  // 2. We claim while offline; meanwhile the other agent got it: the backend answers 409.
  await page.getByTestId(`queue-row-${secondId}`).click();
  await expect(detail.getByRole('button', { name: 'Übernehmen' })).toBeVisible();
  // The network goes first, then Ben claims at the backend itself (fault mode strikes every
  // /api/v1 call, his too). Lifting the faults for his claim over HTTP let this workstation's
  // waiting feed call wake on it and pull it in the same few milliseconds, and the button went.
  world.backend.setFaults({ dropRate: 1 });
  await claimAsBen(secondId, { atBackend: true });
  await detail.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(detail.getByTestId('detail-pending')).toBeVisible({ timeout: 30_000 });
  world.backend.setFaults({});
  await expect(detail.getByTestId('detail-rejection')).toContainText('anderen Arbeitsplatz', { timeout: 60_000 });
  await expect(page.getByTestId(`queue-row-${secondId}`)).toHaveAttribute('data-status', 'claimed_elsewhere');
  await expect(detail.getByTestId('personal-data')).toHaveCount(0);
});

test('a large, virtualised queue takes live updates without losing scroll position or selection', async ({ page, world }) => {
  await world.backend.generate({ callbacks: 900 });
  await logInAsAgent(page, world);
  const count = page.getByTestId('queue-count');
  await expect(count).toContainText(/^9\d\d in der Warteschlange/, { timeout: 30_000 });
  const before = Number((await count.innerText()).split(' ')[0]);
  // Virtualised: far fewer rows in the document than in the queue.
  expect(await rows(page).count()).toBeLessThan(200);

  const scroller = page.locator('.table-scroll');
  await scroller.evaluate((el) => {
    el.scrollTop = 12_000;
  });
  const picked = rows(page).nth(5);
  const id = (await picked.getAttribute('data-testid'))!;
  await picked.click();
  await expect(page.getByTestId(id)).toHaveAttribute('aria-current', 'true');
  const yBefore = (await page.getByTestId(id).boundingBox())!.y;

  await world.backend.generate({ callbacks: 120 });
  await expect(count).not.toContainText(`${before} in der`, { timeout: 20_000 });
  await expect(page.getByTestId(id)).toHaveAttribute('aria-current', 'true');
  const yAfter = (await page.getByTestId(id).boundingBox())!.y;
  expect(Math.abs(yAfter - yBefore)).toBeLessThan(3);
});

test('a supervisor adjusts the retry rules within bounds; the core refuses values outside them', { tag: TIME_SENSITIVE }, async ({ page, world }) => {
  await page.goto(world.appUrl);
  // The team lead is agent and supervisor; a pure supervisor lands on the deletion dashboard.
  await page.getByRole('button', { name: /Lars Teamleitung/ }).click();
  await expect(page.getByTestId('current-user')).toContainText('Lars Teamleitung');
  // Where the supervisors' navigation offers areas, go to the workbench.
  const areas = page.getByRole('navigation', { name: 'Bereiche' });
  if (await areas.count()) await areas.getByRole('button', { name: 'Arbeitsplatz' }).click();
  const rules = page.getByTestId('retry-rules');
  await rules.locator('summary').click();
  await expect(page.getByLabel('Höchstzahl Anrufversuche (1–5)')).toHaveValue('3');
  await page.getByLabel('Mindestabstand in Minuten (10–240)').fill('5');
  await page.getByRole('button', { name: 'Regeln speichern' }).click();
  await expect(rules.getByRole('alert')).toContainText('Mindestabstand wenigstens 10 Minuten');
  await page.getByLabel('Mindestabstand in Minuten (10–240)').fill('45');
  await page.getByLabel('Höchstzahl Anrufversuche (1–5)').fill('2');
  await page.getByRole('button', { name: 'Regeln speichern' }).click();
  await expect(page.getByTestId('announcer')).toContainText('Anrufregeln gespeichert');
  expect(await world.desk.invoke('queue.retryRules', {})).toMatchObject({ maxAttempts: 2, minGapMinutes: 45, changedBy: 'Lars Teamleitung' });
  await expect(rules.getByTestId('retry-rules-changed')).toContainText('Lars Teamleitung');
  await expectNoSeriousAxeFindings(page);
});

test('when a claimed callback`s window opens, the agent is told (in-app, without notification permission)', { tag: TIME_SENSITIVE }, async ({ page, world }) => {
  await logInAsAgent(page, world);
  const [soon] = (await world.desk.invoke('queue.list', { kinds: ['callback'], statuses: ['open'] })).filter((r) => r.due === 'upcoming');
  // Core, backend and browser all one minute before the window opens; the session lives in the core.
  const before = Date.parse(soon!.dueFrom!) - 60_000;
  await travel(page, world.clock, { iso: new Date(before).toISOString() });
  await page.reload();
  await page.getByTestId(`queue-row-${soon!.id}`).click();
  const detail = page.getByTestId('request-detail');
  await detail.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(detail.getByTestId('personal-data')).toBeVisible();
  await travel(page, world.clock, { ms: 65_000 });
  await expect(page.getByTestId('announcer')).toContainText('Rückruf jetzt fällig');
});
