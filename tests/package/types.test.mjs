// The packed scour-site's hand-written declarations: `tsc --noEmit --strict` accepts the app
// (app/main.ts, the engine's API and the widget's) and refuses each misuse in app/types.ts; and
// no public type is `any`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bin, installedApp } from './package.mjs';

let app;
before(() => { app = installedApp('types'); });

test('tsc --noEmit --strict: the app type-checks, each misuse is refused', () => {
  const { status, stdout, stderr } = spawnSync(bin('tsc'), ['--noEmit', '--strict', '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
  assert.equal(status, 0, stdout + stderr);
});

test('no `any` in the declarations', () => {
  const dir = path.join(app, 'node_modules/scour-site');
  const declarations = readdirSync(dir, { recursive: true }).filter((file) => file.endsWith('.d.ts'));
  assert.deepEqual(declarations.sort(), ['engine/index.d.ts', 'highlight.d.ts', 'widget.d.ts']);
  for (const file of declarations) {
    const code = readFileSync(path.join(dir, file), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
    assert.doesNotMatch(code, /\bany\b/, file);
  }
});
