import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosisFinding, ProbeIdentitySource, ProbeRequest, ProbeResult } from '../../../electron/common/dto/probe';
import { startLab, type LabEndpointId } from '../../../electron/core/lab';
import { createProbeService } from '../../../electron/core/probe';
import { closeAllLocalServers, refusedPort, startHttpsServer, startPlainHttpServer, startResetWithoutCertificateServer, startSilentServer } from '../../helpers/node-servers';
import { makeTestPki } from '../../helpers/openssl';
import { makeProbePki, type ProbePki } from '../../helpers/probe-pki';
import { startNginx, startSServer, stopAllServers, type RunningServer } from '../../helpers/tls-servers';
import { useTempDir } from '../../helpers/tmp';

/**
 * The Test console's translated detail sentence says what the core's English one says: for findings from real
 * probes, the English template with the finding's params and phrases is the core's detail word for word, and the
 * Chinese sentences hold every value the English one shows.
 */

/** the renderer's modules, loaded at run time: the test project's type-check does not include renderer sources */
interface Phrase {
  key: string;
  values: DiagnosisFinding['params'];
}
interface FindingText {
  detailKey: string;
  values: DiagnosisFinding['params'];
  phrases: Record<string, Phrase | null>;
}
const RESULT_FOLDER = '../../../renderer/src/features/test-console/result';
const { findingText } = (await import(`${RESULT_FOLDER}/finding-text`)) as { findingText(finding: DiagnosisFinding, result: ProbeResult): FindingText };

/** DataSentence's text as one plain string: each phrase filled in at its placeholder, values as they are */
function sentenceText(t: TFunction, key: string, values: DiagnosisFinding['params'], phrases: Record<string, Phrase | null> = {}): string {
  const filled = Object.fromEntries(Object.entries(phrases).map(([name, phrase]) => [name, phrase ? sentenceText(t, phrase.key, phrase.values) : '']));
  return t(key, { ...values, ...filled, interpolation: { escapeValue: false } });
}

const dir = useTempDir('mtls-probe-i18n-');
let pki: ProbePki;
const probe = createProbeService({ now: () => new Date(), vault: null });
const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
const translate: Record<string, TFunction> = {};

/** params that choose a wording rather than fill one in: their values ('yes', 'alert', 'tcp') are not shown */
const CHOICE_PARAMS = new Set(['insecure', 'phase', 'certAsked', 'trust', 'via', 'requested', 'ours', 'inVault', 'endsAtRoot', 'chain', 'sent', 'rejection', 'identity', 'verified', 'private', 'purpose', 'alertFrom']);

/** what a param holds when there is nothing to show ('none': no alert) */
const NOTHING = new Set(['', 'none', 'unknown']);

const collected: { finding: DiagnosisFinding; result: ProbeResult }[] = [];

beforeAll(async () => {
  pki = makeProbePki(dir);
  for (const lng of LANGUAGES) {
    const instance = createInstance();
    // the probe strings live in the base locale file
    const strings = JSON.parse(readFileSync(join(process.cwd(), `renderer/src/i18n/locales/${lng}.json`), 'utf8')) as Record<string, unknown>;
    await instance.init({ lng, resources: { [lng]: { translation: strings } }, interpolation: { escapeValue: false }, initAsync: false });
    translate[lng] = instance.t;
  }
});
afterAll(async () => {
  await stopAllServers();
  await closeAllLocalServers();
});

const files = (cert: string, key: string): ProbeIdentitySource => ({ kind: 'files', certPath: cert, keyPath: key });

async function run(request: ProbeRequest): Promise<ProbeResult> {
  const result = await probe.run(request);
  for (const finding of result.diagnosis) collected.push({ finding, result });
  return result;
}

function render(lng: string, finding: DiagnosisFinding, result: ProbeResult): string {
  const text = findingText(finding, result);
  return sentenceText(translate[lng]!, text.detailKey, text.values, text.phrases);
}

/** the English template reproduces the core's detail; each Chinese one holds the values the English one shows */
function expectSameFacts(finding: DiagnosisFinding, result: ProbeResult): void {
  const english = render('en', finding, result);
  expect(english, `${finding.code} (${findingText(finding, result).detailKey})`).toBe(finding.detail);
  const shown = Object.entries(finding.params).filter(([name, value]) => !CHOICE_PARAMS.has(name) && !NOTHING.has(String(value)) && english.includes(String(value)));
  for (const lng of ['zh-CN', 'zh-TW']) {
    const chinese = render(lng, finding, result);
    expect(chinese, `${finding.code} in ${lng}`).not.toMatch(/\{\{|probe\.(codes|phrases|verifyError)\./);
    expect(chinese, `${finding.code} in ${lng}`).toMatch(/[\u4e00-\u9fff]/);
    for (const [name, value] of shown) expect(chinese, `${finding.code}.${name} in ${lng}`).toContain(String(value));
  }
}

async function requiring(version: '1.2' | '1.3', extra: string[] = []): Promise<RunningServer> {
  return startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www', '-Verify', '4', '-verify_return_error', '-CAfile', pki.clientRoot.cert, version === '1.3' ? '-tls1_3' : '-no_tls1_3', ...extra]);
}

describe('finding details in every language, from real probes', () => {
  it('client-certificate findings (alerts over TLS 1.2 and 1.3, the vault-less chain, the lenient server)', async () => {
    for (const version of ['1.2', '1.3'] as const) {
      const server = await requiring(version);
      const url = `https://localhost:${server.port}/`;
      const caFiles = [pki.serverRoot.cert];
      await run({ url, caFiles, identity: files(pki.clientChain, pki.client.key) });
      await run({ url, caFiles });
      await run({ url, caFiles, identity: files(pki.client.cert, pki.client.key) });
      await run({ url, caFiles, identity: files(pki.otherCa.cert, pki.otherCa.key) });
      await run({ url, caFiles, identity: files(pki.expired.cert, pki.expired.key) });
      await run({ url, caFiles, identity: files(pki.notYetValid.cert, pki.notYetValid.key) });
      await run({ url, caFiles, identity: files(pki.wrongEku.cert, pki.wrongEku.key) });
      await run({ url, caFiles, identity: files(pki.mismatched.cert, pki.mismatched.key) });
      await server.stop();
    }
    const policy = await requiring('1.3', ['-verify_email', 'somebody@else.test']);
    await run({ url: `https://localhost:${policy.port}/`, caFiles: [pki.serverRoot.cert], identity: files(pki.clientChain, pki.client.key) });
    await policy.stop();
    const crl = await requiring('1.2', ['-crl_check', '-CRL', pki.crl]);
    await run({ url: `https://localhost:${crl.port}/`, caFiles: [pki.serverRoot.cert], identity: files(pki.revoked.cert, pki.revoked.key) });
    await crl.stop();
    const lenient = await startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www', '-verify', '4', '-CAfile', pki.clientRoot.cert]);
    await run({ url: `https://localhost:${lenient.port}/`, caFiles: [pki.serverRoot.cert], identity: files(pki.otherCa.cert, pki.otherCa.key) });
    await run({ url: `https://localhost:${lenient.port}/`, caFiles: [pki.serverRoot.cert] });
    await lenient.stop();
  });

  it('network, TLS and server-certificate findings', async () => {
    await run({ url: `https://${'a'.repeat(64)}.example/` });
    await run({ url: `https://127.0.0.1:${await refusedPort()}/` });
    const silent = await startSilentServer();
    await run({ url: `https://127.0.0.1:${silent.port}/`, timeoutMs: 400 });
    const plain = await startPlainHttpServer();
    await run({ url: `https://127.0.0.1:${plain.port}/` });
    const edge = await startResetWithoutCertificateServer({ cert: pki.server.cert, key: pki.server.key, clientCa: pki.clientRoot.cert });
    await run({ url: `https://localhost:${edge.port}/`, caFiles: [pki.serverRoot.cert] });

    const only13 = await startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www', '-tls1_3']);
    await run({ url: `https://localhost:${only13.port}/`, caFiles: [pki.serverRoot.cert], tlsMax: '1.2' });
    await only13.stop();
    const plainServer = await startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www']);
    await run({ url: `https://localhost:${plainServer.port}/` });
    await run({ url: `https://localhost:${plainServer.port}/`, insecure: true, identity: files(pki.clientChain, pki.client.key) });
    await plainServer.stop();
    const expired = await startSServer(['-cert', pki.serverExpired.cert, '-key', pki.serverExpired.key, '-www']);
    await run({ url: `https://localhost:${expired.port}/`, caFiles: [pki.serverRoot.cert] });
    await expired.stop();
    const wrongName = await startSServer(['-cert', pki.serverWrongName.cert, '-key', pki.serverWrongName.key, '-www']);
    await run({ url: `https://localhost:${wrongName.port}/`, caFiles: [pki.serverRoot.cert], insecure: true });
    await wrongName.stop();
  });

  it('HTTP findings', async () => {
    const forbidden = await startHttpsServer({ cert: pki.server.cert, key: pki.server.key, clientCa: pki.clientRoot.cert, respond: () => ({ status: 403, body: 'no' }) });
    await run({ url: `https://localhost:${forbidden.port}/`, caFiles: [pki.serverRoot.cert], identity: files(pki.clientChain, pki.client.key) });
    const missing = await startHttpsServer({ cert: pki.server.cert, key: pki.server.key, clientCa: pki.clientRoot.cert, respond: () => ({ status: 404, body: 'nope' }) });
    await run({ url: `https://localhost:${missing.port}/x`, caFiles: [pki.serverRoot.cert], identity: files(pki.clientChain, pki.client.key) });
  });

  it('nginx certificate pages', async () => {
    const nginx = await startNginx(dir, { cert: pki.server.cert, key: pki.server.key, clientCa: pki.clientRoot.cert, verify: 'on' });
    const url = `https://localhost:${nginx.port}/`;
    await run({ url, caFiles: [pki.serverRoot.cert] });
    await run({ url, caFiles: [pki.serverRoot.cert], identity: files(pki.otherCa.cert, pki.otherCa.key) });
    await run({ url, caFiles: [pki.serverRoot.cert], identity: files(pki.expired.cert, pki.expired.key) });
    await nginx.stop();
  });

  it('cloud-target findings against the local lab', async () => {
    const lab = await startLab({ folder: join(dir, 'lab') });
    try {
      const own = join(dir, 'intermediate-issued');
      mkdirSync(own);
      const intermediate = makeTestPki(own, ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], 'Intermediate-issued Client');
      writeFileSync(join(dir, 'chain.pem'), readFileSync(intermediate.leafCert, 'utf8') + readFileSync(intermediate.intermediateCert, 'utf8'));
      const labClient = files(lab.files.client.cert, lab.files.client.key);
      const at = (id: LabEndpointId, extra: Partial<ProbeRequest>) => {
        const endpoint = lab.endpoints.find((e) => e.id === id)!;
        const host = endpoint.hostname!;
        return run({ url: `https://${host}:${endpoint.port}/`, resolve: [{ host, port: endpoint.port, addresses: ['127.0.0.1'] }], caFiles: [lab.files.caCert], timeoutMs: 15_000, ...extra });
      };
      await at('apigw-execute-api', { identity: labClient });
      await at('cloudfront-off', { identity: labClient });
      await at('aws-clb', { identity: labClient, target: 'clb' });
      await at('alb-passthrough', { identity: files(lab.files.unknownCaClient.cert, lab.files.unknownCaClient.key) });
      await at('apigw-custom-domain', { identity: files(join(dir, 'chain.pem'), intermediate.leafKey), target: 'apigw' });
    } finally {
      await lab.stop();
    }
  });

  it('every collected finding reads the same in the three languages', () => {
    for (const { finding, result } of collected) expectSameFacts(finding, result);
    const codes = new Set(collected.map(({ finding }) => finding.code));
    // the scenarios above must keep producing these, or this test would prove little
    for (const code of [
      'MTLS_OK', 'CLIENT_CERT_MISSING', 'CLIENT_CHAIN_INCOMPLETE', 'CLIENT_CERT_UNTRUSTED', 'CLIENT_CERT_EXPIRED', 'CLIENT_CERT_NOT_YET_VALID',
      'CLIENT_CERT_PURPOSE', 'CLIENT_KEY_MISMATCH', 'CLIENT_CERT_REJECTED', 'CLIENT_CERT_REVOKED', 'CLIENT_CA_NOT_ADVERTISED', 'CLIENT_CERT_OPTIONAL',
      'DNS_FAILED', 'CONNECTION_REFUSED', 'CONNECTION_TIMEOUT', 'NOT_TLS', 'CONNECTION_RESET', 'TLS_VERSION_MISMATCH', 'SERVER_CERT_UNTRUSTED',
      'SERVER_VERIFICATION_DISABLED', 'CLIENT_CERT_NOT_REQUESTED', 'SERVER_CERT_EXPIRED', 'SERVER_NAME_MISMATCH', 'HTTP_FORBIDDEN', 'HTTP_ERROR_STATUS',
      'HTTP_CLIENT_CERT_ERROR', 'APIGW_DEFAULT_ENDPOINT', 'CLOUDFRONT_NO_VIEWER_MTLS', 'AWS_CLB_NO_MTLS', 'ALB_PASSTHROUGH_NOT_VERIFIED', 'TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE',
    ] as const) {
      expect(codes, code).toContain(code);
    }
    // and several wordings of the codes that have many
    const keys = new Set(collected.map(({ finding, result }) => findingText(finding, result).detailKey));
    for (const key of ['CLIENT_CERT_MISSING.detail', 'CLIENT_CERT_MISSING.detailReset', 'SERVER_NAME_MISMATCH.detail', 'SERVER_VERIFICATION_DISABLED.detailAlt', 'CLIENT_CERT_NOT_REQUESTED.detailAlt', 'CLIENT_CERT_MISSING.detailHttpRequested', 'CLIENT_CERT_EXPIRED.detailAccepted']) {
      expect(keys).toContain(`probe.codes.${key}`);
    }
  });
});
