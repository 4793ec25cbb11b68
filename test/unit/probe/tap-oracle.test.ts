import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeService } from '../../../electron/core/probe';
import { openssl } from '../../helpers/openssl';
import { makeProbePki, type ProbePki } from '../../helpers/probe-pki';
import { sClientCaNames } from '../../helpers/s-client';
import { startNginx, startSServer, stopAllServers } from '../../helpers/tls-servers';
import { useTempDir } from '../../helpers/tmp';

/** The handshake tap against `openssl s_client`'s own view of the same servers, TLS 1.2 and 1.3. */

const dir = useTempDir('mtls-probe-tap-');
let pki: ProbePki;
let caBundle: string;
const probe = createProbeService({ now: () => new Date(), vault: null });

beforeAll(() => {
  pki = makeProbePki(dir);
  // a CA whose name needs RFC 4514 escaping and carries non-ASCII text
  openssl(['req', '-x509', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'odd.key'), '-utf8', '-subj', '/C=DE/O=Tests\\+Plus/CN=Ünïcødé CA, Inc.', '-days', '30', '-out', join(dir, 'odd.crt')]);
  caBundle = join(dir, 'acceptable.pem');
  writeFileSync(caBundle, [pki.clientRoot.cert, join(dir, 'odd.crt'), pki.otherCa.root, pki.clientIntermediate.cert].map((file) => readFileSync(file, 'utf8')).join(''));
});

afterAll(stopAllServers);

const serverArgs = () => ['-cert', pki.server.cert, '-key', pki.server.key, '-www'];

describe('handshake tap vs openssl s_client', () => {
  for (const version of ['1.2', '1.3'] as const) {
    it(`reads the same acceptable CA names as s_client over TLS ${version}`, async () => {
      const server = await startSServer([...serverArgs(), '-verify', '4', '-CAfile', caBundle]);
      const oracle = await sClientCaNames(server.host, server.port, version);
      expect(oracle.acceptableCAs, oracle.output).toHaveLength(4);
      const result = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], tlsMin: version, tlsMax: version });
      expect(result.tls.protocol).toBe(`TLSv${version}`);
      expect(result.tls.certificateRequest?.requested).toBe(true);
      expect(result.tls.certificateRequest?.acceptableCAs).toEqual(oracle.acceptableCAs);
      expect(result.tls.certificateRequest?.acceptableCAs).toContain('CN=Ünïcødé CA\\, Inc.,O=Tests\\+Plus,C=DE');
      expect(result.tls.certificateRequest?.signatureAlgorithms).toContain('ecdsa_secp256r1_sha256');
      await server.stop();
    });

    it(`tells "requested, empty CA list" from "not requested" over TLS ${version}`, async () => {
      const asking = await startSServer([...serverArgs(), '-verify', '4']);
      const oracle = await sClientCaNames(asking.host, asking.port, version);
      expect(oracle.acceptableCAs).toEqual([]);
      const empty = await probe.run({ url: `https://localhost:${asking.port}/`, caFiles: [pki.serverRoot.cert], tlsMin: version, tlsMax: version });
      expect(empty.tls.certificateRequest).toEqual(expect.objectContaining({ requested: true, acceptableCAs: [] }));
      expect(empty.diagnosis.map((f) => f.code)).toContain('CLIENT_CERT_OPTIONAL');
      await asking.stop();

      const silent = await startSServer(serverArgs());
      const notAsked = await probe.run({ url: `https://localhost:${silent.port}/`, caFiles: [pki.serverRoot.cert], tlsMin: version, tlsMax: version });
      expect(notAsked.tls.certificateRequest).toEqual({ requested: false, acceptableCAs: [], signatureAlgorithms: [], certificateTypes: [] });
      expect(notAsked.diagnosis.map((f) => f.code)).toEqual(['CLIENT_CERT_NOT_REQUESTED']);
      expect(notAsked.outcome).toBe('success');
      await silent.stop();
    });
  }

  it('reads nginx’s CA list like s_client does, TLS 1.2 and 1.3', async () => {
    const nginx = await startNginx(dir, { cert: pki.server.cert, key: pki.server.key, clientCa: caBundle, verify: 'optional' });
    for (const version of ['1.2', '1.3'] as const) {
      const oracle = await sClientCaNames(nginx.host, nginx.port, version);
      const result = await probe.run({ url: `https://localhost:${nginx.port}/`, caFiles: [pki.serverRoot.cert], tlsMin: version, tlsMax: version });
      expect(result.tls.certificateRequest?.acceptableCAs, oracle.output).toEqual(oracle.acceptableCAs);
      expect(result.tls.certificateRequest?.acceptableCAs).toHaveLength(4);
    }
    await nginx.stop();
  });

  it('decrypts the TLS 1.3 flight with every cipher suite Node offers', async () => {
    for (const suite of ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']) {
      const server = await startSServer([...serverArgs(), '-tls1_3', '-ciphersuites', suite, '-verify', '4', '-CAfile', pki.clientRoot.cert]);
      const result = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], identity: { kind: 'files', certPath: pki.clientChain, keyPath: pki.client.key } });
      expect(result.tls.cipher).toBe(suite);
      expect(result.tls.certificateRequest?.acceptableCAs).toEqual(['O=mTLS Studio Tests,CN=Probe Client Root CA']);
      expect(result.tls.clientCertificatesSent).toHaveLength(2);
      expect(result.tls.serverCertificates.map((cert) => cert.subject)).toEqual(['O=mTLS Studio Tests,CN=localhost']);
      expect(result.diagnosis.map((f) => f.code)).toEqual(['MTLS_OK']);
      await server.stop();
    }
  });
});
