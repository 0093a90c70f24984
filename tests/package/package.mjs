// Shared by the package tests: the packed scour-site (scripts/build-package.sh builds it), an app
// folder it is installed in as `npm install` installs it, and the two command lines to compare.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'npm/package.json'), 'utf8')).version;
export const TARBALL = path.join(ROOT, `target/npm/scour-site-${VERSION}.tgz`);
/** The native `scour` the npx indexer is compared with (SCOUR_NATIVE overrides it). */
export const NATIVE = process.env.SCOUR_NATIVE ?? path.join(ROOT, 'target/release/scour');
/** A binary of the repository's npm devDependencies. */
export const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);
export const fixture = (name) => path.join(ROOT, 'tests/fixtures', name);

/**
 * A fresh copy of tests/package/app in target/package-tests/<name>/ with the packed package
 * installed in its node_modules; bundlers and tsc resolve their own packages from the
 * repository's node_modules above it.
 */
export function installedApp(name) {
  for (const [file, what] of [[TARBALL, 'run scripts/build-package.sh'], [NATIVE, 'run cargo build --release']]) {
    if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: ${what}`);
  }
  const dir = path.join(ROOT, 'target/package-tests', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(ROOT, 'tests/package/app'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `app-${name}`, private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', TARBALL], { cwd: dir, stdio: 'pipe' });
  return dir;
}

/** Runs `npx scour-site …` in `cwd` (the app's installed package): `{ status, stdout, stderr }`. */
export function npx(cwd, ...args) {
  return run('npx', ['--offline', 'scour-site', ...args], cwd);
}

/** Runs the native `scour …` in `cwd`: `{ status, stdout, stderr }`. */
export function native(cwd, ...args) {
  return run(NATIVE, args, cwd);
}

function run(command, args, cwd) {
  const { status, stdout, stderr, error } = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 600_000 });
  if (error) throw error;
  return { status, stdout, stderr };
}
