// The widget in Firefox: the demo page loads the real wasm engine when the box gets focus,
// finds "Tianjin", marks it, moves through the results with the keyboard and says when
// nothing matches. Driven through WebDriver (geckodriver), as a user types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key, until } from 'selenium-webdriver';
import { setup } from './firefox.mjs';

const f = setup();
const TIMEOUT = 15_000;

/** The widget's shadow root, once the custom element is defined. */
async function widget(driver) {
  const host = await driver.wait(until.elementLocated(By.css('scour-search')), TIMEOUT);
  await driver.wait(() => driver.executeScript('return !!customElements.get("scour-search")'), TIMEOUT, 'scour-search defined');
  return host.getShadowRoot();
}

/** Waits until `read()` satisfies `ok`; returns the value. */
async function waitFor(driver, read, ok, message) {
  let last;
  try {
    await driver.wait(async () => ok((last = await read())), TIMEOUT);
  } catch {
    throw new Error(`timed out waiting for ${message}; last value: ${JSON.stringify(last)}`);
  }
  return last;
}

test('typing "Tianjin" finds the Putin/Xi article, marked; ArrowDown selects it; no results say so', async () => {
  const driver = await f.open('index.html');
  const root = await widget(driver);
  const input = await root.findElement(By.css('input[role=combobox]'));
  await input.sendKeys('Tianjin');

  const options = () => root.findElements(By.css('[role=option]'));
  await waitFor(driver, async () => (await options()).length, (n) => n > 0, 'a result for Tianjin');
  const [first] = await options();
  const title = await first.findElement(By.css('[part~=title]')).getText();
  assert.equal(title.trim(), 'Putin and Xi Discuss Latest Russia-US Diplomatic Exchanges');
  const marks = await Promise.all((await first.findElements(By.css('mark'))).map((m) => m.getText()));
  assert.ok(marks.includes('Tianjin'), `expected <mark>Tianjin</mark> in the first hit, got ${JSON.stringify(marks)}`);
  const status = await root.findElement(By.css('[role=status]'));
  assert.match(await status.getText(), /^1 result\b/);
  console.log(`screenshot: ${await f.screenshot('firefox-tianjin')}`);

  await input.sendKeys(Key.ARROW_DOWN);
  const firstId = await first.getAttribute('id');
  assert.ok(firstId, 'the option has an id');
  await waitFor(driver, () => input.getAttribute('aria-activedescendant'), (id) => id === firstId, 'aria-activedescendant on the first option');
  assert.equal(await first.getAttribute('aria-selected'), 'true');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');

  await input.clear();
  await input.sendKeys('zzqqxx');
  const text = await waitFor(driver, () => status.getText(), (t) => t.startsWith('No results'), 'the "No results" status');
  assert.match(text, /zzqqxx/);
  assert.equal((await options()).length, 0, 'no option is left from the previous query');
  assert.equal(await input.getAttribute('aria-activedescendant'), null);
});
