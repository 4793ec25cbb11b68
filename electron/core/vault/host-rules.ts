import { isIP, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { StudioError } from '../../common/errors';
import type { HostConflict, HostRuleCandidate } from '../../common/dto/vault';

/**
 * Host rules bind identities to the servers they are for.
 *
 * Patterns: `api.example.com`, `*.example.com`, each with an optional `:port`; IPv4 and bracketed IPv6 literals
 * are exact hosts. Patterns are anchored at both ends; `*.example.com` matches every name that ends in
 * `.example.com` (one or more labels: `a.example.com`, `a.b.example.com`), never `example.com` itself, never an IP
 * address. A pattern without a port matches any port; a URL without a port means 443 (https).
 *
 * Precedence, first match wins:
 *   1. exact host and port    `api.example.com:8443`
 *   2. exact host, any port   `api.example.com`
 *   3. wildcards, the longest suffix first; at equal length the one naming the port first
 * Two identities holding the same pattern is a conflict: it is reported, and a URL it decides matches no identity.
 */
export interface HostPattern {
  /** normalised text: lowercase, IDN as punycode, no trailing dot */
  text: string;
  wildcard: boolean;
  /** the exact host, or for a wildcard the suffix after `*.` */
  host: string;
  port: number | null;
}

export interface HostTarget {
  url: string;
  host: string;
  port: number;
}

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const PATTERN_HINT = 'Write a host name, optionally starting with *. and ending with :port — e.g. api.example.com, *.example.com, api.example.com:8443.';

const invalidPattern = (input: string, why: string) =>
  new StudioError('INVALID_ARGUMENT', `'${input}' is not a host pattern: ${why}`, { hint: PATTERN_HINT, params: { pattern: input } });

function parsePort(text: string, input: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) throw invalidPattern(input, `'${text}' is not a port (1–65535)`);
  return Number(text);
}

function dnsName(text: string, input: string, wildcard: boolean): string {
  const ascii = domainToASCII(text.replace(/\.$/, ''));
  // the URL standard reads numeric names as IPv4 (`10.1` is 10.0.0.1), and so does this
  if (isIP(ascii) === 4) {
    if (wildcard) throw invalidPattern(input, 'an IP address cannot have a wildcard');
    return ascii;
  }
  if (!ascii || ascii.length > 253 || !ascii.split('.').every((label) => LABEL.test(label))) throw invalidPattern(input, `'${text}' is not a valid host name`);
  return ascii;
}

export function parseHostPattern(input: string): HostPattern {
  const raw = input.trim().toLowerCase();
  if (raw.length === 0) throw invalidPattern(input, 'it is empty');
  if (/[/?#@\s]/.test(raw) || raw.includes('://')) throw invalidPattern(input, 'a pattern is a host name, not a URL');
  let hostPart = raw;
  let port: number | null = null;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(raw);
  if (bracketed) {
    if (!isIPv6(bracketed[1]!)) throw invalidPattern(input, `'${bracketed[1]}' is not an IPv6 address`);
    const host = new URL(`https://[${bracketed[1]}]/`).hostname;
    if (bracketed[2] !== undefined) port = parsePort(bracketed[2], input);
    return { text: port === null ? host : `${host}:${port}`, wildcard: false, host, port };
  }
  const colons = raw.split(':').length - 1;
  if (colons > 1) throw invalidPattern(input, 'write IPv6 addresses in brackets, e.g. [2001:db8::1]:8443');
  if (colons === 1) {
    const at = raw.lastIndexOf(':');
    hostPart = raw.slice(0, at);
    port = parsePort(raw.slice(at + 1), input);
  }
  const wildcard = hostPart.startsWith('*.');
  const name = wildcard ? hostPart.slice(2) : hostPart;
  if (name.includes('*')) throw invalidPattern(input, 'a wildcard can only be the whole first label, as in *.example.com');
  const host = dnsName(name, input, wildcard);
  const text = `${wildcard ? '*.' : ''}${host}${port === null ? '' : `:${port}`}`;
  return { text, wildcard, host, port };
}

/** `https://api.example.com/x`, `api.example.com:8443` (https assumed) → host + port (443 when absent). */
export function parseTarget(input: string): HostTarget {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new StudioError('INVALID_ARGUMENT', `'${input}' is not a URL`, { hint: 'Give an https:// URL or a host[:port], e.g. https://api.example.com/health.' });
  }
  if (url.protocol !== 'https:') {
    throw new StudioError('INVALID_ARGUMENT', `'${input}' does not use TLS, so no client certificate is ever sent to it`, {
      hint: 'Host rules apply to https:// URLs.',
    });
  }
  const host = url.hostname.replace(/\.$/, '');
  return { url: url.href, host, port: url.port ? Number(url.port) : 443 };
}

interface Scored {
  candidate: HostRuleCandidate;
  order: [number, number, number];
}

const KIND_RANK: Record<HostRuleCandidate['kind'], number> = { 'exact-host-port': 0, 'exact-host': 1, wildcard: 2 };

function score(pattern: HostPattern, target: HostTarget): { kind: HostRuleCandidate['kind']; order: [number, number, number] } | null {
  if (pattern.port !== null && pattern.port !== target.port) return null;
  const portOrder = pattern.port === null ? 1 : 0;
  if (!pattern.wildcard) {
    if (pattern.host !== target.host) return null;
    const kind = pattern.port === null ? 'exact-host' : 'exact-host-port';
    return { kind, order: [KIND_RANK[kind], 0, portOrder] };
  }
  if (isIP(target.host.replace(/^\[|\]$/g, '')) !== 0 || !target.host.endsWith(`.${pattern.host}`)) return null;
  return { kind: 'wildcard', order: [KIND_RANK.wildcard, -pattern.host.length, portOrder] };
}

const compare = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

export interface RuleOwner {
  id: string;
  name: string;
  hosts: string[];
}

/** Every rule that matches, best first; `tied` holds the rules that share the best rule's rank (conflicts). */
export function rankRules(owners: RuleOwner[], target: HostTarget): { candidates: HostRuleCandidate[]; tied: HostRuleCandidate[] } {
  const scored: Scored[] = [];
  for (const owner of owners) {
    for (const text of owner.hosts) {
      const pattern = parseHostPattern(text);
      const result = score(pattern, target);
      if (result) scored.push({ candidate: { identity: { id: owner.id, name: owner.name }, pattern: pattern.text, kind: result.kind }, order: result.order });
    }
  }
  scored.sort((a, b) => compare(a.order, b.order) || a.candidate.identity.name.localeCompare(b.candidate.identity.name));
  const best = scored[0];
  const tied = best ? scored.filter((entry) => compare(entry.order, best.order) === 0).map((entry) => entry.candidate) : [];
  return { candidates: scored.map((entry) => entry.candidate), tied };
}

/** The patterns claimed by more than one identity. */
export function findConflicts(owners: RuleOwner[]): HostConflict[] {
  const firstOwner = new Map<string, RuleOwner>();
  const shared = new Map<string, { id: string; name: string }[]>();
  for (const owner of owners) {
    for (const pattern of owner.hosts) {
      const first = firstOwner.get(pattern);
      if (first === undefined) firstOwner.set(pattern, owner);
      else if (first !== owner) {
        const list = shared.get(pattern) ?? [{ id: first.id, name: first.name }];
        list.push({ id: owner.id, name: owner.name });
        shared.set(pattern, list);
      }
    }
  }
  return [...shared].map(([pattern, identities]) => ({ pattern, identities })).sort((a, b) => (a.pattern < b.pattern ? -1 : 1));
}

export function explainMatch(target: HostTarget, winner: HostRuleCandidate | undefined, tied: HostRuleCandidate[]): string {
  const where = `${target.host}:${target.port}`;
  if (!winner) return `no host rule matches ${where}`;
  if (tied.length > 1) {
    const names = tied.map((candidate) => `'${candidate.identity.name}'`).join(', ');
    return `'${winner.pattern}' is claimed by ${tied.length} identities (${names}), so none is chosen until the others are unbound`;
  }
  const who = `'${winner.identity.name}'`;
  if (winner.kind === 'exact-host-port') return `${who} is bound to '${winner.pattern}', which names this host and port exactly and beats any rule without a port and any wildcard`;
  if (winner.kind === 'exact-host') return `${who} is bound to '${winner.pattern}', which names this host exactly (any port) and beats any wildcard`;
  return `${who} is bound to '${winner.pattern}', the longest wildcard that matches ${where}`;
}
