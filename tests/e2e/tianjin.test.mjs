// The page works end to end: the widget loads the real wasm engine and finds "Tianjin".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, poll } from './harness.mjs';

const h = setup();

test('typing "Tianjin" shows the Putin/Xi article first, with the match marked', async () => {
  const page = await h.open();
  const input = page.locator('scour-search input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('Tianjin');

  const first = page.locator('scour-search [role=option]').first();
  await first.waitFor({ state: 'visible', timeout: 10_000 });

  const title = await first.locator('[part~=title]').first().innerText();
  assert.equal(title.trim(), 'Putin and Xi Discuss Latest Russia-US Diplomatic Exchanges');

  const marks = await poll(
    () => first.locator('mark').allInnerTexts(),
    (texts) => texts.length > 0,
    { message: 'a <mark> in the first hit' },
  );
  assert.ok(
    marks.some((m) => m === 'Tianjin'),
    `expected a <mark>Tianjin</mark> in the first hit, got marks: ${JSON.stringify(marks)}`,
  );

  const file = await h.screenshot(page, 'e2e-tianjin');
  console.log(`screenshot: ${file}`);
});
