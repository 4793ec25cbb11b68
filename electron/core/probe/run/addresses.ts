import type { DiagnosisFinding, ProbeAddressResult } from '../../../common/dto/probe';
import { finding, list } from '../diagnose/context';

/** --all-addresses: one result per address with the same SNI, and a finding when they do not agree. */

/** "127.0.0.2 → CLIENT_CERT_UNTRUSTED (alert unknown_ca)": data only, the same in every language */
function describe(result: ProbeAddressResult): string {
  const how = result.alert ? `alert ${result.alert.name}` : result.status !== null ? `HTTP ${result.status}` : null;
  return how ? `${result.address} → ${result.primaryCode} (${how})` : `${result.address} → ${result.primaryCode}`;
}

export function addressesDisagree(results: ProbeAddressResult[]): DiagnosisFinding | null {
  if (results.length < 2) return null;
  const verdicts = new Set(results.map((result) => `${result.outcome}|${result.primaryCode}`));
  if (verdicts.size < 2) return null;
  const good = results.filter((result) => result.outcome === 'success');
  const bad = results.filter((result) => result.outcome !== 'success');
  const outcomes = (good.length ? bad : results).map(describe).join('; ');
  const detail = good.length ? `${list(good.map((result) => result.address))} answered correctly; ${outcomes}.` : `The addresses fail differently: ${outcomes}.`;
  return finding(
    'ADDRESSES_DISAGREE',
    'error',
    bad.length === 1 ? `One address of ${results.length} behaves differently: ${bad[0]!.address}` : `The ${results.length} addresses do not behave alike`,
    detail,
    'Load-balancer nodes or DNS records are out of step: compare the failing node’s trust store, certificate and listener with the others (for an ALB, check each node’s IP in the connection logs), or remove the stale DNS record.',
    { failed: bad.map((result) => result.address).join(', '), ok: good.map((result) => result.address).join(', '), outcomes },
  );
}
