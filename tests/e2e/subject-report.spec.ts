// Issue 17, part 3, in a real Chromium: the data-protection officer marks a dpo case as an
// Auskunft, sees the empty state, finds the person, includes the hit, writes the Auskunft (PDF
// letter and JSON on her workstation), sees where the files are, and marks it as sent with the
// day its files end. The PDF is then looked at: pdf.js renders its first page into a canvas in a
// second browser page, the canvas is saved as PNG under test-results/ and must not be blank.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { claimDpoCase, loginAs } from './officer-steps';
import { expect, test } from './fixtures';

const PDFJS = path.resolve('node_modules/pdfjs-dist/build');
const PNG = path.resolve('test-results', 'subject-report', 'auskunft-seite-1.png');

test('DPO: writes an Auskunft from the included hits, marks it as sent; its PDF renders to a non-blank PNG', async ({ page, world, browser }) => {
  test.setTimeout(120_000);
  await page.goto(world.appUrl);
  await loginAs(page, /Dana Datenschutz/, 'Dana Datenschutz');
  const { panel, name } = await claimDpoCase(page);

  const subject = panel.getByTestId('subject-request');
  await subject.getByLabel('Art des Antrags').selectOption('access');
  await subject.getByRole('button', { name: 'Als Betroffenenantrag kennzeichnen' }).click();
  await expect(subject.getByTestId('subject-facts')).toContainText('Auskunft (Art. 15 DSGVO)');

  // Nothing included yet: an empty state, and nothing to write.
  const report = subject.getByTestId('subject-report');
  await expect(report.getByTestId('subject-report-empty')).toContainText('Noch kein Treffer aufgenommen');
  await expect(report.getByRole('button', { name: 'Auskunft erstellen' })).toBeDisabled();

  const find = subject.getByTestId('subject-find');
  await find.getByLabel('Name').fill(name);
  await find.getByLabel('Name').press('Enter');
  const hit = find.getByTestId('subject-hit').first();
  await hit.getByLabel('Begründung').fill('Daten der Person');
  await hit.getByRole('button', { name: 'Aufnehmen' }).click();
  await expect(hit.getByTestId('subject-hit-decision')).toContainText('Aufgenommen');

  // Keyboard: focus the button and press Enter.
  const produce = report.getByRole('button', { name: 'Auskunft erstellen' });
  await expect(produce).toBeEnabled();
  await produce.focus();
  await page.keyboard.press('Enter');
  await expect(report.getByTestId('subject-report-facts')).toContainText('Dana Datenschutz');
  const paths = await report.getByTestId('subject-report-file').allInnerTexts();
  expect(paths.map((p) => path.basename(p)).sort()).toEqual(['auskunft.json', 'auskunft.pdf']);
  expect(paths.every((p) => p.startsWith(world.dataDir))).toBe(true);

  await report.getByRole('button', { name: 'Als versandt markieren' }).click();
  await expect(report.getByTestId('subject-report-sent')).toContainText('Nachweisfrist von 30 Tagen');
  await expect(report.getByRole('button', { name: 'Als versandt markieren' })).toHaveCount(0);

  // Look at the letter: pdf.js in a page of its own (no fake clock), from the file the core wrote.
  const pdf = readFileSync(paths.find((p) => p.endsWith('.pdf'))!);
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.route('http://pdf.local/**', async (route) => {
    const file = new URL(route.request().url()).pathname.slice(1);
    if (file === 'auskunft.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
    if (file === 'index.html') return route.fulfill({ body: '<!doctype html><canvas id="page"></canvas>', contentType: 'text/html' });
    return route.fulfill({ body: readFileSync(path.join(PDFJS, path.basename(file))), contentType: 'text/javascript' });
  });
  await viewer.goto('http://pdf.local/index.html');
  const inked = await viewer.evaluate(async () => {
    const pdfjs = await import('http://pdf.local/pdf.mjs' as string);
    pdfjs.GlobalWorkerOptions.workerSrc = 'http://pdf.local/pdf.worker.mjs';
    const doc = await pdfjs.getDocument({ url: 'http://pdf.local/auskunft.pdf' }).promise;
    const first = await doc.getPage(1);
    const viewport = first.getViewport({ scale: 1.5 });
    const canvas = document.getElementById('page') as HTMLCanvasElement;
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await first.render({ canvas, canvasContext: context, viewport }).promise;
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) dark++;
    return dark;
  });
  mkdirSync(path.dirname(PNG), { recursive: true });
  await viewer.locator('#page').screenshot({ path: PNG });
  await viewerContext.close();
  // A letter with tables and eight a-h sections: thousands of dark pixels, not a white page.
  expect(inked).toBeGreaterThan(5000);
  expect(readFileSync(PNG).length).toBeGreaterThan(10_000);
});
