// Shared setup for the Firefox suite (node:test + selenium-webdriver + geckodriver).
//
//   import { setup } from './firefox.mjs';
//   const f = setup();                       // before/after: server on www/ + headless Firefox
//   test('...', async () => {
//     const driver = await f.open();         // the demo page (or a path relative to www/)
//     ...
//     await f.screenshot('firefox-name');   // -> target/screenshots/firefox-name.png
//   });                                      // page errors and console errors fail the test
//
// Prerequisite: `make build` (www/pkg/ must exist); `make test` does it.
// Env: FIREFOX=/path/to/firefox, GECKODRIVER=/path/to/geckodriver; HEADED=1 shows the window.
import { before, after, afterEach } from 'node:test';
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import logInspector from 'selenium-webdriver/bidi/logInspector.js';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = path.join(ROOT, 'www');
export const SCREENSHOTS = path.join(ROOT, 'target', 'screenshots');

// Never let Selenium Manager download a driver or a browser (these machines are offline).
process.env.SE_OFFLINE ??= 'true';

function found(candidates, what, hint) {
  const hit = candidates.find((c) => c && existsSync(c));
  if (!hit) throw new Error(`${what} not found: ${hint}`);
  return hit;
}

export function firefoxPath() {
  return found(
    [process.env.FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
    'Firefox',
    'install it (apt-get install firefox-esr) or set FIREFOX=/path',
  );
}

export function geckodriverPath() {
  const onPath = () => {
    try {
      return execFileSync('sh', ['-c', 'command -v geckodriver'], { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  return found(
    [process.env.GECKODRIVER, onPath(), path.join(process.env.CARGO_HOME ?? path.join(homedir(), '.cargo'), 'bin', 'geckodriver')],
    'geckodriver',
    'install it (cargo install geckodriver) or set GECKODRIVER=/path',
  );
}

/** Headless Firefox through geckodriver, with WebDriver BiDi on (for console errors). */
export async function launchFirefox() {
  const options = new firefox.Options().setBinary(firefoxPath()).windowSize({ width: 1280, height: 900 }).enableBidi();
  if (!process.env.HEADED) options.addArguments('-headless');
  return new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(geckodriverPath()))
    .build();
}

/**
 * Register before/after hooks: a static server over www/ (random port) and one Firefox for the
 * file. Returns { url, driver, open(rel?), screenshot(name), errors }.
 */
export function setup({ root = WWW } = {}) {
  const f = { url: null, driver: null, server: null, errors: [] };

  before(async () => {
    if (!existsSync(path.join(root, 'pkg'))) {
      throw new Error(`${path.relative(ROOT, root)}/pkg is missing: run \`make build\` first`);
    }
    f.server = await startServer({ root, port: 0 });
    f.url = f.server.url;
    f.driver = await launchFirefox();
    const logs = await logInspector(f.driver);
    await logs.onJavascriptException((e) => f.errors.push(`page error: ${e.text}`));
    await logs.onConsoleEntry((e) => {
      if (e.level === 'error') f.errors.push(`console.error: ${e.text}`);
    });
  });

  afterEach(() => {
    const errors = f.errors.splice(0);
    if (errors.length) throw new Error(`the page reported errors:\n  ${errors.join('\n  ')}`);
  });

  after(async () => {
    await f.driver?.quit();
    await f.server?.close();
  });

  /** Load `rel` (relative to the server root) in the browser's window. */
  f.open = async (rel = '') => {
    await f.driver.get(new URL(rel, f.url).href);
    return f.driver;
  };

  /** Save a screenshot of the window to target/screenshots/<name>.png; returns the path. */
  f.screenshot = async (name) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await writeFile(file, Buffer.from(await f.driver.takeScreenshot(), 'base64'));
    return file;
  };

  return f;
}
