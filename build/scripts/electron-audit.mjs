#!/usr/bin/env node
// Static security audit of the Electron app with @doyensec/electronegativity, as a gate: exits 1 on any HIGH or
// MEDIUM finding not justified in build/electronegativity-allowlist.json (electronegativity itself always exits 0).
//
//   node build/scripts/electron-audit.mjs                 audit the sources, print a table
//   node build/scripts/electron-audit.mjs --json          the same, as one JSON report on stdout
//   node build/scripts/electron-audit.mjs --sources DIR   audit DIR instead (the tests audit a known-bad fixture)
//   node build/scripts/electron-audit.mjs --allow-list F  judge against another allow-list
//
// What is scanned: the sources — package.json, electron/{main,preload,common}, renderer/index.html and
// renderer/src — copied to a temporary folder (electronegativity takes one input folder and would otherwise walk
// test/, dist/ and .tsbuild/). Not dist/: the bundles hide the BrowserWindow options behind esbuild's helpers and
// the 2 MB renderer bundle only adds third-party noise with no file to fix; the sources give findings on the lines
// a reviewer edits. Electronegativity parses TypeScript itself.
//
// How it runs: through its runner API (the function its CLI calls), reading the issues it returns. Its CSV
// writer issues two unordered async writes to one file (header with 'w', rows with 'a') that can clobber each
// other, and its SARIF carries no severity. Network is switched off for the run: it fetches translations and
// the list of Electron releases at start-up; offline both fail fast and are skipped, so the result is the same
// with or without a network.
import net from 'node:net';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let blockedConnections = 0;
net.Socket.prototype.connect = function denyNetwork() {
  blockedConnections++;
  process.nextTick(() => this.destroy(Object.assign(new Error('network is disabled during the audit'), { code: 'ERR_AUDIT_OFFLINE' })));
  return this;
};

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
export const SOURCES = ['package.json', 'electron/main', 'electron/preload', 'electron/common', 'renderer/index.html', 'renderer/src'];
export const GATED_SEVERITIES = ['HIGH', 'MEDIUM'];
export const ALLOW_LIST = join(ROOT, 'build/electronegativity-allowlist.json');
const MIN_REASON = 40;

export function loadAllowList(file = ALLOW_LIST) {
  const list = JSON.parse(readFileSync(file, 'utf8'));
  const problems = [];
  for (const [i, entry] of (list.findings ?? []).entries()) {
    for (const key of ['check', 'file', 'reason', 'test']) if (typeof entry[key] !== 'string' || entry[key].length === 0) problems.push(`findings[${i}]: "${key}" is required`);
    if (typeof entry.reason === 'string' && entry.reason.length < MIN_REASON) problems.push(`findings[${i}]: the reason must say why it is safe (at least ${MIN_REASON} characters)`);
    if (typeof entry.test === 'string' && !existsSync(join(ROOT, entry.test))) problems.push(`findings[${i}]: test file ${entry.test} does not exist`);
  }
  for (const [i, entry] of (list.excludedChecks ?? []).entries()) {
    if (typeof entry.check !== 'string' || typeof entry.reason !== 'string' || entry.reason.length < MIN_REASON) problems.push(`excludedChecks[${i}]: needs "check" and a "reason"`);
  }
  return { findings: list.findings ?? [], excludedChecks: list.excludedChecks ?? [], problems };
}

function stageSources(root) {
  const stage = mkdtempSync(join(tmpdir(), 'mtls-studio-audit-'));
  for (const source of SOURCES) cpSync(join(root, source), join(stage, source), { recursive: true });
  return stage;
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Runs the audit and judges it against the allow-list; `ok` is what the gate reports. */
export async function audit({ sources, allowList = loadAllowList() } = {}) {
  const input = sources ? resolve(sources) : stageSources(ROOT);
  try {
    // inline `/* eng-disable CHECK */` comments would silence findings outside the reviewed allow-list
    const inlineDisables = filesUnder(input)
      .filter((file) => /\.(m?[jt]sx?|html?)$/.test(file) && statSync(file).size < 2_000_000)
      .filter((file) => /eng-disable/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(input, file));

    const run = require('@doyensec/electronegativity');
    const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
    const chatter = [];
    const log = console.log;
    console.log = (...args) => chatter.push(args.join(' '));
    let result;
    try {
      result = await run({
        input,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: allowList.excludedChecks.map((entry) => entry.check),
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: false,
        electronUpgrade: undefined,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      });
    } finally {
      console.log = log;
    }

    const findings = result.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location?.line ?? 0,
      sample: issue.sample ?? '',
      description: issue.description,
    }));
    const justification = (finding) => allowList.findings.find((entry) => entry.check === finding.check && entry.file === finding.file);
    const gated = findings.filter((finding) => GATED_SEVERITIES.includes(finding.severity));
    const unjustified = gated.filter((finding) => !justification(finding));
    const stale = allowList.findings.filter((entry) => !gated.some((finding) => finding.check === entry.check && finding.file === entry.file));
    const parseErrors = result.errors.filter((error) => !error.tolerable).map((error) => ({ file: relative(input, error.file), message: error.message }));
    // proof that the checks ran on our package at all (an empty result can also mean nothing was read)
    const ranOnPackage = findings.some((finding) => finding.check === 'ELECTRON_VERSION_JSON_CHECK') || sources !== undefined;
    const ok = unjustified.length === 0 && stale.length === 0 && parseErrors.length === 0 && inlineDisables.length === 0 && allowList.problems.length === 0 && ranOnPackage;
    return {
      ok,
      electronVersion,
      checks: { atomic: result.atomicChecks, global: result.globalChecks, excluded: allowList.excludedChecks.map((entry) => entry.check) },
      findings,
      justified: gated.filter((finding) => justification(finding)).map((finding) => ({ ...finding, reason: justification(finding).reason })),
      unjustified,
      stale,
      parseErrors,
      inlineDisables,
      allowListProblems: allowList.problems,
      ranOnPackage,
      blockedConnections,
    };
  } finally {
    if (!sources) rmSync(input, { recursive: true, force: true });
  }
}

function printReport(report) {
  const line = (f) => `  ${f.severity.padEnd(13)} ${f.check.padEnd(32)} ${f.file}:${f.line}`;
  process.stdout.write(`electronegativity on Electron ${report.electronVersion}: ${report.checks.atomic} atomic + ${report.checks.global} global checks (excluded: ${report.checks.excluded.join(', ') || 'none'})\n`);
  process.stdout.write(`${report.findings.length} findings, ${report.justified.length} HIGH/MEDIUM justified in build/electronegativity-allowlist.json\n`);
  for (const finding of report.justified) process.stdout.write(`${line(finding)}\n      justified: ${finding.reason}\n`);
  const failures = [
    ...report.unjustified.map((f) => `unjustified ${line(f).trim()} — ${f.description}`),
    ...report.stale.map((entry) => `stale allow-list entry ${entry.check} ${entry.file}: no such finding any more, remove it`),
    ...report.parseErrors.map((error) => `not audited: ${error.file}: ${error.message}`),
    ...report.inlineDisables.map((file) => `inline eng-disable comment in ${file}: justify in the allow-list instead`),
    ...report.allowListProblems,
    ...(report.ranOnPackage ? [] : ['the audit did not read package.json: the result cannot be trusted']),
  ];
  for (const failure of failures) process.stderr.write(`FAIL ${failure}\n`);
  process.stdout.write(report.ok ? 'electron audit: passed\n' : 'electron audit: FAILED\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const sources = option('--sources');
  const allowListFile = option('--allow-list');
  const report = await audit({ ...(sources ? { sources } : {}), ...(allowListFile ? { allowList: loadAllowList(resolve(allowListFile)) } : {}) });
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report);
  process.exit(report.ok ? 0 : 1);
}
