import { readFileSync } from 'node:fs';
import { test, expect } from './atlas-driver';

const shipped = JSON.parse(readFileSync('public/data/atlas.json', 'utf8')) as {
  title: string;
  senders: { id: string; name: string; statements: unknown[] }[];
};
const sampleCsv = readFileSync('public/samples/sample-event.csv', 'utf8');
const sampleCompanion = readFileSync('public/samples/sample-event.companion.json', 'utf8');

/** Drops files on the page as a person dragging them from the desktop would. */
async function dropFiles(page: import('@playwright/test').Page, files: { name: string; type: string; text: string }[]) {
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.text], f.name, { type: f.type }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

test.describe('bring your own data', () => {
  test('a ?data= link loads a dataset of another event, marked as not published by the atlas', async ({ atlas, page }) => {
    // Another event in the same format: the shipped file retitled and cut to its first five senders.
    const other = {
      ...shipped,
      title: 'Another event: greetings for a test',
      senders: shipped.senders.slice(0, 5),
      source: { title: 'Test source', file: null },
    };
    await page.route('**/__test-data/other-event.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(other) }),
    );
    await atlas.open('?data=__test-data/other-event.json&sender=vnm-ministry-of-public-security');
    await expect(page.getByRole('heading', { name: 'Another event: greetings for a test' })).toBeVisible();
    await expect(page.getByTestId('provenance')).toContainText('not published by this atlas');
    await expect(atlas.panel()).toContainText('To Lam');
    await expect(atlas.panel()).toContainText('quotes are unverified');
    // Only the five senders' places are on the legend's counts.
    const listed = await page.locator('[data-legend-id="listed"] .legend__count').textContent();
    expect(listed).toBe('0');
    await atlas.waitForMap();
  });

  test('dropping a CSV with its companion shows its own map, legend and panel; a broken file keeps the old map', async ({
    atlas,
    page,
  }) => {
    await atlas.open();
    await atlas.waitForMap();

    // A broken CSV first: the report names the line and column, and nothing changes on screen.
    const broken = sampleCsv.replace('Viet Nam', 'Atlantis');
    await dropFiles(page, [
      { name: 'broken.csv', type: 'text/csv', text: broken },
      { name: 'sample-event.companion.json', type: 'application/json', text: sampleCompanion },
    ]);
    const dialog = page.getByRole('dialog', { name: 'Open data' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(dialog).toContainText('Atlantis');
    await expect(dialog).toContainText(/line 2/i);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect(page.getByRole('heading', { name: shipped.title })).toBeVisible();
    await expect(page.getByTestId('provenance')).toHaveCount(0);

    // Then the good one.
    await dropFiles(page, [
      { name: 'sample-event.csv', type: 'text/csv', text: sampleCsv },
      { name: 'sample-event.companion.json', type: 'application/json', text: sampleCompanion },
    ]);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('heading', { name: /Sample \(fictional\)/ })).toBeVisible();
    await expect(page.getByTestId('provenance')).toContainText('sample-event.csv');
    await expect(page.locator('[data-legend-id="road_safety"]')).toBeVisible();
    await expect(page.locator('[data-legend-id="drug_control"]')).toHaveCount(0);
    await atlas.waitForMap();
    await atlas.clickCountry('VNM');
    await expect(atlas.panel()).toContainText('Nguyen Van A');
  });
});
