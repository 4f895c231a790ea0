// Our registry mirror serves only the Linux builds of packages that ship one build per platform
// (@next/swc-*, @unrs/resolver-binding-*, …), so `npm install` here leaves the other platforms'
// optional packages out of package-lock.json, and `npm ci` then refuses the lock file as out of
// sync. This adds the missing optional entries, with the os/cpu their names declare, so that
// `npm ci` skips them on Linux and installs them (from the public registry) elsewhere.
// Run after every `npm install` on our machines:  node .ci/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const PLATFORMS = [
  [/darwin/, { os: ['darwin'] }], [/win32/, { os: ['win32'] }], [/linux/, { os: ['linux'] }],
  [/freebsd/, { os: ['freebsd'] }], [/android/, { os: ['android'] }], [/openharmony/, { os: ['openharmony'] }],
  [/netbsd/, { os: ['netbsd'] }], [/openbsd/, { os: ['openbsd'] }], [/sunos/, { os: ['sunos'] }],
  [/aix/, { os: ['aix'] }], [/wasm32|wasi/, { cpu: ['wasm32'] }],
];
const CPUS = [
  [/arm64|aarch64/, 'arm64'], [/x64|x86_64/, 'x64'], [/ia32/, 'ia32'], [/-arm(-|$)|armv7|arm-gnueabihf|arm-musleabihf|arm-eabi/, 'arm'],
  [/riscv64/, 'riscv64'], [/ppc64/, 'ppc64'], [/s390x/, 's390x'], [/loong64/, 'loong64'], [/mips64el/, 'mips64el'],
];

function platformOf(name) {
  const result = {};
  for (const [pattern, value] of PLATFORMS) if (pattern.test(name)) Object.assign(result, value);
  const cpu = CPUS.find(([pattern]) => pattern.test(name));
  if (cpu && !result.cpu) result.cpu = [cpu[1]];
  return result;
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (packages[nested] || packages[top]) continue;
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) continue; // not a per-platform build: leave it to npm
    packages[top] = { version: spec.replace(/^[\^~=]/, ''), ...platform, optional: true };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} optional platform entries`);
