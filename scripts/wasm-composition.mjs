#!/usr/bin/env node
// What a wasm module's bytes are made of: code by crate, data, the biggest functions.
//
//   node scripts/wasm-composition.mjs MODULE.wasm [--top N] [--forbid FAMILY]...
//
// `--forbid core::fmt` fails (exit 1, naming the functions) when the module holds any code of
// a family whose label starts so: what ships must not format or panic (see src/wasm.rs).
//
// MODULE must keep its "name" section (wasm-bindgen's output does; `wasm-opt -g` keeps it):
// scripts/build-wasm.sh keeps such a copy of the shipped engine
// (target/size/bundle-engine-named.wasm) for `make size`. Sizes are the bytes of each function
// body in the code section (what ships, names aside); a function's crate is the first path
// segment of its demangled name, so a generic instance counts for the crate of the type or
// trait it is named by (`<alloc::vec::Vec<T> as ...>` is alloc). Crate hashes (`core[1a2b]`)
// are dropped.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const topAt = args.indexOf('--top');
const TOP = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const forbidden = args.flatMap((a, i) => (args[i - 1] === '--forbid' ? [a] : []));
if (!file) {
  console.error('usage: node scripts/wasm-composition.mjs MODULE.wasm [--top N] [--forbid FAMILY]...');
  process.exit(2);
}
const bytes = readFileSync(file);

let at = 8;
const u32 = () => {
  let value = 0, shift = 0, b;
  do { b = bytes[at++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return value;
};
const name = () => { const n = u32(); const s = bytes.toString('utf8', at, at + n); at += n; return s; };

const sections = []; // { id, name, start, end }
while (at < bytes.length) {
  const id = bytes[at++];
  const size = u32();
  const start = at;
  sections.push({ id, name: id === 0 ? name() : null, start, end: start + size, size });
  at = start + size;
}

let imported = 0;
const imports = sections.find((s) => s.id === 2);
if (imports) {
  at = imports.start;
  for (let n = u32(); n > 0; n--) {
    name(); name();
    const kind = bytes[at++];
    if (kind === 0) { u32(); imported++; }
    else if (kind === 1) { at++; const f = u32(); u32(); if (f & 1) u32(); }
    else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
    else if (kind === 3) { at += 2; }
    else if (kind === 4) { at++; u32(); }
  }
}

const names = new Map();
const nameSection = sections.find((s) => s.id === 0 && s.name === 'name');
if (!nameSection) {
  console.error(`${file} has no name section: build it with names (wasm-bindgen output, wasm-opt -g)`);
  process.exit(1);
}
at = nameSection.start + 1 + 4; // the custom section's own name, "name"
while (at < nameSection.end) {
  const kind = bytes[at++];
  const size = u32();
  const end = at + size;
  if (kind === 1) {
    for (let n = u32(); n > 0; n--) { const index = u32(); names.set(index, name()); }
  }
  at = end;
}

const functions = [];
const code = sections.find((s) => s.id === 10);
at = code.start;
for (let n = u32(), i = 0; i < n; i++) {
  const size = u32();
  const index = imported + i;
  functions.push({ name: names.get(index) ?? `code[${i}]`, size });
  at += size;
}

const clean = (n) => n.replace(/\[[0-9a-f]{8,}\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
const crateOf = (n) => {
  const m = clean(n).replace(/^[<&*]+|^(dyn |mut |const )+/g, '').match(/^[A-Za-z_][A-Za-z0-9_]*/);
  if (!m) return '(other)';
  // Methods of primitive types and generic parameters (`<char>::…`, `<T as …>`) are core's;
  // `__rustc::__rdl_alloc` and the like are std's allocator shims.
  if (/^(char|str|bool|[iuf](8|16|32|64|128|size)|T|U)$/.test(m[0])) return 'core';
  if (m[0] === '__rustc') return 'std';
  // wasm-bindgen's generated shims and the module's own exports.
  return m[0].startsWith('__wbg') || m[0].startsWith('__wbindgen') ? 'wasm-bindgen shims' : m[0];
};

const total = bytes.length;
const codeBytes = code.size;
const dataBytes = sections.filter((s) => s.id === 11).reduce((a, s) => a + s.size, 0);
const custom = sections.filter((s) => s.id === 0).reduce((a, s) => a + s.size, 0);
const pad = (s, n) => String(s).padStart(n);
const pct = (n, of) => `${((100 * n) / of).toFixed(1)}%`;
console.log(`${file}: ${total} bytes (${custom} in custom sections such as names, which do not ship)`);
console.log(`  code ${codeBytes} (${functions.length} functions), data ${dataBytes}, other ${total - codeBytes - dataBytes - custom}`);

const byCrate = new Map();
for (const f of functions) {
  const c = crateOf(f.name);
  const e = byCrate.get(c) ?? { size: 0, count: 0 };
  e.size += f.size; e.count++;
  byCrate.set(c, e);
}
console.log('\n  code by crate            bytes   share  functions');
for (const [c, e] of [...byCrate].sort((a, b) => b[1].size - a[1].size)) {
  if (e.size < codeBytes / 500) continue;
  console.log(`  ${c.padEnd(22)} ${pad(e.size, 7)} ${pad(pct(e.size, codeBytes), 7)} ${pad(e.count, 10)}`);
}

// Families a size budget watches, across crates.
const families = [
  ['core::fmt (formatting)', /core::fmt|<.* as core::fmt::|fmt::Display|fmt::Debug|core::fmt::write|pad_integral|::fmt$/],
  ['panics and bounds checks', /core::panicking|panic|slice_(end_|start_)?index|slice_error_fail|str_index_overflow|unwrap_failed|expect_failed/],
  ['allocator (talc, __rdl_*)', /talc|dlmalloc|__rdl_|__rust_(alloc|dealloc|realloc)/],
  ['serde / serde-wasm-bindgen', /serde/],
  ['futures, promises (js_sys::futures)', /futures|Promise|future_to_promise|Waker|Task/],
  ['iterator and Vec generics (core::iter, alloc::vec)', /^<?(core::iter|alloc::vec|core::slice|alloc::slice)/],
  ['bincode', /bincode/],
  ['stemmer (rust_stemmers)', /rust_stemmers/],
];
console.log('\n  families (overlapping)                            bytes   share');
const offenders = [];
for (const [label, re] of families) {
  const members = functions.filter((f) => re.test(clean(f.name)));
  const size = members.reduce((a, f) => a + f.size, 0);
  console.log(`  ${label.padEnd(48)} ${pad(size, 7)} ${pad(pct(size, codeBytes), 7)}`);
  if (forbidden.some((prefix) => label.startsWith(prefix))) offenders.push(...members);
}

console.log(`\n  top ${TOP} functions`);
for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, TOP)) {
  console.log(`  ${pad(f.size, 7)}  ${clean(f.name).slice(0, 110)}`);
}
if (offenders.length) {
  console.error(`\n${file} holds code it must not ship (${forbidden.join(', ')}): find its callers with`);
  console.error(`\`twiggy paths ${file} NAME\` (cargo install twiggy)`);
  for (const f of offenders) console.error(`  ${pad(f.size, 7)}  ${f.name}`);
  process.exit(1);
}
