/**
 * The static audit gate (build/scripts/electron-audit.mjs, electronegativity) run as CI runs it: a child process,
 * network switched off inside it, judged by its exit status and JSON report. Known-bad fixtures prove the gate
 * can fail; the real sources must pass with every HIGH/MEDIUM finding justified in the allow-list.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/tmp';

const ROOT = resolve(__dirname, '../..');
const SCRIPT = join(ROOT, 'build/scripts/electron-audit.mjs');
const dir = useTempDir();

interface Finding {
  check: string;
  severity: string;
  file: string;
}
interface Report {
  ok: boolean;
  electronVersion: string;
  checks: { atomic: number; global: number; excluded: string[] };
  findings: Finding[];
  justified: (Finding & { reason: string })[];
  unjustified: Finding[];
  stale: { check: string; file: string }[];
  parseErrors: { file: string; message: string }[];
  inlineDisables: string[];
  ranOnPackage: boolean;
  blockedConnections: number;
}

function runAudit(...args: string[]): { status: number | null; report: Report; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, '--json', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

/** A tiny Electron app with the classic mistakes, as its own package. */
function badApp(name: string, main: string): string {
  const app = join(dir, name);
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name, main: 'main.js', devDependencies: { electron: '45.4.1' } }));
  writeFileSync(join(app, 'main.js'), main);
  return app;
}

const INSECURE_WINDOW = `const { app, BrowserWindow } = require('electron');
app.whenReady().then(() => {
  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
  win.loadURL('http://example.com/');
});
`;

describe('electronegativity gate', () => {
  it('passes on our sources: every HIGH/MEDIUM finding is justified, nothing unparsed, offline', () => {
    const { status, report, stderr } = runAudit();
    expect(report.unjustified, stderr).toEqual([]);
    expect(report.stale).toEqual([]);
    expect(report.parseErrors).toEqual([]);
    expect(report.inlineDisables).toEqual([]);
    expect(report.ranOnPackage).toBe(true);
    expect(report.ok).toBe(true);
    expect(status).toBe(0);
    expect(report.electronVersion).toBe(JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version);
    expect(report.checks.atomic).toBeGreaterThanOrEqual(30);
    // it tried to reach the network (translations) and was refused; the verdict did not depend on it
    expect(report.blockedConnections).toBeGreaterThan(0);
  });

  it('finds no window-option problem in the sources: isolation, sandbox, Node and web security are verified, not waived', () => {
    const { report } = runAudit();
    const checks = report.findings.map((finding) => finding.check);
    for (const check of ['CONTEXT_ISOLATION_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'AUXCLICK_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'HTTP_RESOURCES_JS_CHECK']) {
      expect(checks, check).not.toContain(check);
    }
    // the CSP is found; its one remark (LOW) is style-src 'unsafe-inline', which Mantine's style attributes need
    expect(report.findings.filter((finding) => finding.check === 'CSP_GLOBAL_CHECK').map((finding) => [finding.severity, finding.file])).toEqual([['LOW', 'renderer/index.html']]);
    expect(report.justified.map((finding) => finding.check).sort()).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'PRELOAD_JS_CHECK']);
  });

  it('fails on an app with the classic mistakes, naming each finding', () => {
    const { status, report } = runAudit('--sources', badApp('insecure', INSECURE_WINDOW));
    expect(status).toBe(1);
    expect(report.ok).toBe(false);
    const by = (severity: string) => report.unjustified.filter((finding) => finding.severity === severity).map((finding) => finding.check);
    expect(by('HIGH')).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
    expect(by('MEDIUM')).toEqual(expect.arrayContaining(['SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']));
  });

  it('refuses findings silenced with inline eng-disable comments instead of the allow-list', () => {
    const silenced = INSECURE_WINDOW.replace('const win', '/* eng-disable CONTEXT_ISOLATION_JS_CHECK NODE_INTEGRATION_JS_CHECK */ const win');
    const { status, report } = runAudit('--sources', badApp('silenced', silenced));
    expect(status).toBe(1);
    expect(report.inlineDisables).toEqual(['main.js']);
  });

  it('fails on an allow-list entry that no longer matches a finding, and on one without a reason', () => {
    const list = JSON.parse(readFileSync(join(ROOT, 'build/electronegativity-allowlist.json'), 'utf8'));
    list.findings.push({ check: 'NODE_INTEGRATION_JS_CHECK', file: 'electron/main/gone.ts', reason: 'x'.repeat(50), test: 'test/main/preload.test.ts' });
    list.findings.push({ check: 'SANDBOX_JS_CHECK', file: 'electron/main/main-window.ts', reason: 'because', test: 'test/main/nope.test.ts' });
    const file = join(dir, 'allowlist.json');
    writeFileSync(file, JSON.stringify(list));
    const { status, report, stderr } = runAudit('--allow-list', file);
    expect(status).toBe(1);
    expect(report.stale.map((entry) => entry.file)).toEqual(['electron/main/gone.ts', 'electron/main/main-window.ts']);
    expect(stderr + JSON.stringify(report)).toMatch(/at least 40 characters/);
    expect(JSON.stringify(report)).toMatch(/nope\.test\.ts does not exist/);
  });
});
