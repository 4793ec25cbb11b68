import type { ChainFinding, ChainVerification } from '../../common/dto/chain';
import type { ParsedCertificate } from '../pki/certificate';
import { buildPaths, MAX_PATH_CERTIFICATES, type CandidatePath, type PathPool } from './build-paths';
import { finding, isError, who } from './finding';
import { toCertificate, toCrl, type VerifyChainInput } from './inputs';
import { validatePath, type PathContext } from './validate-path';

function pool(input: VerifyChainInput): { leaf: ParsedCertificate; pool: PathPool } {
  const leaf = toCertificate(input.leaf, 'the certificate');
  const anchors = input.anchors.map((cert, i) => toCertificate(cert, `trusted certificate ${i + 1}`));
  const untrusted = input.untrusted.map((cert, i) => toCertificate(cert, `untrusted certificate ${i + 1}`));
  const all = new Map<string, ParsedCertificate>();
  for (const cert of [...anchors, ...untrusted]) if (!all.has(cert.sha256)) all.set(cert.sha256, cert);
  return { leaf, pool: { anchors, all: [...all.values()] } };
}

/** Why a way up stopped short of a trust anchor. */
function endFinding(path: CandidatePath): ChainFinding {
  const top = path.certs[path.certs.length - 1]!;
  switch (path.end) {
    case 'untrusted-root':
      return finding('UNTRUSTED_ROOT', 'error', top, `the path ends at the self-signed ${who(top)}, which is not among the trusted certificates`, `Add ${who(top)} to the trusted certificates if you trust it, or find out why the chain leads to this root.`);
    case 'loop':
      return finding('LOOP_DETECTED', 'error', top, `every issuer of ${who(top)} is already on the path (the CAs certify each other in a loop) and no trusted certificate is reached`, 'Add the root CA of one of these CAs to the trusted certificates.');
    case 'max-depth':
      return finding('MAX_DEPTH_EXCEEDED', 'error', top, `the path reached ${MAX_PATH_CERTIFICATES} certificates at ${who(top)} without a trusted certificate`, 'Check the bundle: real chains are 2 to 5 certificates long; trust the intended root directly.');
    default:
      return finding('PATH_NOT_FOUND', 'error', top, `no issuer of ${who(top)} ("${top.issuer}") is among the given certificates`, `Add the certificate of "${top.issuer}" (an intermediate with --untrusted, or the root with --trust).`, { issuer: top.issuer });
  }
}

/** Errors that say the link itself is wrong (likely the wrong candidate), not a problem of the real issuer. */
const LINK_ERRORS = new Set(['BAD_SIGNATURE', 'NAME_CHAINING']);

/**
 * Which failed way up explains best: anchored paths first, then the one whose links verify (the certificates
 * that really issued each other), fewest errors, then the order they were found.
 */
function closest(paths: { path: CandidatePath; findings: ChainFinding[] }[]): { path: CandidatePath; findings: ChainFinding[] } {
  const rank = (entry: { path: CandidatePath; findings: ChainFinding[] }): number[] => [
    entry.path.end === 'anchor' ? 0 : entry.path.end === 'untrusted-root' ? 1 : 2,
    entry.findings.filter((item) => isError(item) && LINK_ERRORS.has(item.code)).length,
    entry.findings.filter(isError).length,
    -entry.path.certs.length,
  ];
  return paths.reduce((best, entry) => {
    const [a, b] = [rank(entry), rank(best)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? entry : best;
    return best;
  });
}

/**
 * Verifies `leaf` up to one of `anchors`, trying every candidate path (same-name issuers, cross-signed CAs)
 * until one passes all checks. Invalid results carry the findings of the path that came closest.
 */
export async function verifyChain(input: VerifyChainInput): Promise<ChainVerification> {
  const { leaf, pool: certs } = pool(input);
  const context: PathContext = {
    at: input.at ?? new Date(),
    purpose: input.purpose ?? 'any',
    // an empty list means no revocation checking, like an absent one (callers pass what a bundle held)
    crls: input.crls && input.crls.length > 0 ? input.crls.map((crl, i) => toCrl(crl, `CRL ${i + 1}`)) : undefined,
    pool: certs,
    crlSignerDepth: 0,
  };
  const candidates = buildPaths(leaf, certs, context.at);
  const checked: { path: CandidatePath; findings: ChainFinding[] }[] = [];
  for (const path of candidates) {
    const anchored = path.end === 'anchor';
    const findings = validatePath(path.certs, anchored, context);
    if (!anchored) findings.push(endFinding(path));
    if (anchored && !findings.some(isError)) {
      const failedBefore = checked.find((entry) => entry.path.end === 'anchor');
      return { valid: true, path: path.certs.map((cert) => cert.sha256), findings: [...findings, ...(failedBefore ? [alternativeUsed(failedBefore, path)] : [])] };
    }
    checked.push({ path, findings });
  }
  const best = closest(checked);
  return { valid: false, path: best.path.certs.map((cert) => cert.sha256), findings: best.findings };
}

function alternativeUsed(failed: { path: CandidatePath; findings: ChainFinding[] }, used: CandidatePath): ChainFinding {
  const reason = failed.findings.find(isError)!;
  const via = used.certs[1] ?? used.certs[0]!;
  return finding('ALTERNATIVE_PATH_USED', 'info', via, `a first path failed (${reason.code}: ${reason.message}); the path through ${who(via)} is valid`, 'Nothing to do, but clients that stop at the first candidate may fail: remove the failing certificate from the bundle.', { firstFailure: reason.code });
}
