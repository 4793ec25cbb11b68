import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import type { ChainPurpose } from '../../../electron/common/dto/chain';
import { verifyChain } from '../../../electron/core/chain';
import { useTempDir } from '../../helpers/tmp';
import { crlOf, intermediate, issue, leaf, NOW, root, writePem, type TestCert, type TestCrl } from './chain-fixtures';

/**
 * The same generated cases through verifyChain and `openssl verify` (with -partial_chain, since any trusted
 * certificate is an anchor here, and -crl_check_all when CRLs are given): the verdicts must agree.
 */

const DAY = 86_400_000;
const dir = useTempDir('chain-openssl-');

interface Case {
  name: string;
  leaf: TestCert | { pem: string; der: Uint8Array };
  untrusted: TestCert[];
  anchors: TestCert[];
  crls?: TestCrl[];
  at?: Date;
  purpose?: ChainPurpose;
  /** a known, deliberate difference: OpenSSL takes the first issuer it finds and does not backtrack */
  opensslDiffers?: string;
}

function opensslVerdict(test: Case, index: number): boolean {
  const files = {
    leaf: writePem(dir, `${index}-leaf.pem`, test.leaf),
    anchors: writePem(dir, `${index}-anchors.pem`, ...test.anchors),
  };
  const args = ['verify', '-partial_chain', '-attime', String(Math.floor((test.at ?? NOW).getTime() / 1000)), '-CAfile', files.anchors];
  if (test.untrusted.length > 0) args.push('-untrusted', writePem(dir, `${index}-untrusted.pem`, ...test.untrusted));
  if (test.purpose && test.purpose !== 'any') args.push('-purpose', test.purpose === 'client' ? 'sslclient' : 'sslserver');
  if (test.crls) args.push('-crl_check_all', '-CRLfile', writePem(dir, `${index}-crls.pem`, ...test.crls));
  args.push(files.leaf);
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  return run.status === 0;
}

function tamperedPem(cert: TestCert): { pem: string; der: Uint8Array } {
  const der = new Uint8Array(cert.der);
  der[der.length - 3]! ^= 0x01;
  return { der, pem: new x509.X509Certificate(der).toString('pem') };
}

async function cases(): Promise<Case[]> {
  const rootCa = await root('Agree Root');
  const issuing = await intermediate('Agree Issuing', rootCa);
  const client = await leaf('client.agree', issuing);
  const server = await leaf('server.agree', issuing, { eku: ['1.3.6.1.5.5.7.3.1'] });
  const notCa = await issue({ cn: 'Agree Not CA', issuer: rootCa, ca: false, keyUsage: x509.KeyUsageFlags.keyCertSign });
  const limited = await intermediate('Agree Limited', rootCa, { pathLen: 0 });
  const sub = await intermediate('Agree Sub', limited);
  const noCertSign = await intermediate('Agree NoCertSign', rootCa, { keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.cRLSign });
  const other = await root('Agree Other Root');
  const oldRoot = await root('Agree Old Root');
  const crossed = await intermediate('Agree Issuing', oldRoot, { keys: issuing.keys });
  const twinBroken = await intermediate('Agree Issuing', rootCa, { keys: issuing.keys, keyUsage: x509.KeyUsageFlags.digitalSignature, notAfter: new Date(NOW.getTime() + 900 * DAY) });
  const rootCrl = await crlOf(rootCa, []);
  const bareRoot = await root('Agree Bare Root', { noBasicConstraints: true, keyUsage: null });
  const underBare = await intermediate('Agree Under Bare', bareRoot);
  const kuRoot = await root('Agree KU Root', { noBasicConstraints: true });
  const underKu = await intermediate('Agree Under KU', kuRoot);
  return [
    { name: 'valid chain', leaf: client, untrusted: [issuing], anchors: [rootCa] },
    { name: 'valid for purpose client', leaf: client, untrusted: [issuing], anchors: [rootCa], purpose: 'client' },
    { name: 'server-only leaf as client', leaf: server, untrusted: [issuing], anchors: [rootCa], purpose: 'client' },
    { name: 'server-only leaf as server', leaf: server, untrusted: [issuing], anchors: [rootCa], purpose: 'server' },
    { name: 'missing intermediate', leaf: client, untrusted: [], anchors: [rootCa] },
    { name: 'tampered leaf', leaf: tamperedPem(client), untrusted: [issuing], anchors: [rootCa] },
    { name: 'leaf expired', leaf: client, untrusted: [issuing], anchors: [rootCa], at: new Date(NOW.getTime() + 400 * DAY) },
    { name: 'not yet valid', leaf: client, untrusted: [issuing], anchors: [rootCa], at: new Date(NOW.getTime() - 60 * DAY) },
    { name: 'issuer not a CA', leaf: await leaf('under-not-ca.agree', notCa), untrusted: [notCa], anchors: [rootCa] },
    { name: 'pathLen 0 exceeded', leaf: await leaf('deep.agree', sub), untrusted: [limited, sub], anchors: [rootCa] },
    { name: 'issuer without keyCertSign', leaf: await leaf('ku.agree', noCertSign), untrusted: [noCertSign], anchors: [rootCa] },
    { name: 'untrusted root', leaf: client, untrusted: [issuing, rootCa], anchors: [other] },
    { name: 'trusted intermediate (partial chain)', leaf: client, untrusted: [], anchors: [issuing] },
    { name: 'cross-signed to the old root, right copy first', leaf: client, untrusted: [crossed, issuing], anchors: [oldRoot] },
    { name: 'twin issuer, good one first', leaf: client, untrusted: [issuing, twinBroken], anchors: [rootCa] },
    { name: 'cross-signed to the old root, wrong copy first', leaf: client, untrusted: [issuing, crossed], anchors: [oldRoot], opensslDiffers: 'OpenSSL follows the first "Agree Issuing" (issued by a root it does not have) and stops' },
    { name: 'twin issuer, broken one first', leaf: client, untrusted: [twinBroken, issuing], anchors: [rootCa], opensslDiffers: 'OpenSSL takes the first "Agree Issuing" (no keyCertSign) and fails' },
    { name: 'name chaining (reordered issuer name)', leaf: await leaf('order.agree', issuing, { issuerName: 'O=Chain Tests, CN=Agree Issuing' }), untrusted: [issuing], anchors: [rootCa] },
    { name: 'v3 root without basicConstraints or keyUsage', leaf: await leaf('bare.agree', underBare), untrusted: [underBare], anchors: [bareRoot] },
    { name: 'v3 root without basicConstraints, with keyCertSign', leaf: await leaf('ku.agree', underKu), untrusted: [underKu], anchors: [kuRoot] },
    { name: 'clean CRLs', leaf: client, untrusted: [issuing], anchors: [rootCa], crls: [await crlOf(issuing, []), rootCrl] },
    { name: 'revoked leaf', leaf: client, untrusted: [issuing], anchors: [rootCa], crls: [await crlOf(issuing, [{ cert: client, reason: x509.X509CrlReason.keyCompromise }]), rootCrl] },
    { name: 'revoked intermediate', leaf: client, untrusted: [issuing], anchors: [rootCa], crls: [await crlOf(issuing, []), await crlOf(rootCa, [{ cert: issuing }])] },
    { name: 'CRL signed by another key', leaf: client, untrusted: [issuing], anchors: [rootCa], crls: [await crlOf(issuing, [], { signer: other.keys }), rootCrl] },
    {
      name: 'expired CRL',
      leaf: client,
      untrusted: [issuing],
      anchors: [rootCa],
      crls: [await crlOf(issuing, [], { thisUpdate: new Date(NOW.getTime() - 20 * DAY), nextUpdate: new Date(NOW.getTime() - 10 * DAY) }), rootCrl],
    },
  ];
}

describe('verifyChain agrees with openssl verify', async () => {
  const all = await cases();
  it.each(all.map((test, index) => ({ ...test, index })))('$name', async (test) => {
    const ours = await verifyChain({
      leaf: { der: test.leaf.der },
      untrusted: test.untrusted.map((cert) => cert.cert),
      anchors: test.anchors.map((cert) => cert.cert),
      at: test.at ?? NOW,
      purpose: test.purpose ?? 'any',
      ...(test.crls ? { crls: test.crls.map((crl) => crl.crl) } : {}),
    });
    const theirs = opensslVerdict(test, test.index);
    if (test.opensslDiffers) {
      // our path builder tries every candidate: valid where OpenSSL's single greedy path is not
      expect({ ours: ours.valid, openssl: theirs }).toEqual({ ours: true, openssl: false });
    } else {
      expect(ours.valid).toBe(theirs);
    }
  });

  it('covers both verdicts', async () => {
    const verdicts = all.filter((test) => !test.opensslDiffers).map((test, index) => opensslVerdict(test, 100 + index));
    expect(verdicts.filter(Boolean).length).toBeGreaterThanOrEqual(7);
    expect(verdicts.filter((verdict) => !verdict).length).toBeGreaterThanOrEqual(12);
  });
});
