import { describe, expect, it } from 'vitest';
import { isStudioError } from '../../../electron/common/errors';
import { findConflicts, parseHostPattern, parseTarget, rankRules, type RuleOwner } from '../../../electron/core/vault/host-rules';

const owner = (name: string, ...hosts: string[]): RuleOwner => ({ id: `id-${name}`, name, hosts: hosts.map((host) => parseHostPattern(host).text) });
const best = (owners: RuleOwner[], url: string) => {
  const { candidates, tied } = rankRules(owners, parseTarget(url));
  return { winner: tied.length === 1 ? candidates[0]!.identity.name : null, kind: candidates[0]?.kind ?? null, tied: tied.map((c) => c.identity.name), all: candidates.map((c) => `${c.pattern}@${c.identity.name}`) };
};

describe('host patterns', () => {
  it.each([
    ['api.example.com', 'api.example.com'],
    ['API.Example.COM.', 'api.example.com'],
    ['*.example.com', '*.example.com'],
    ['*.Example.com:8443', '*.example.com:8443'],
    ['api.example.com:443', 'api.example.com:443'],
    ['10.0.0.7:9443', '10.0.0.7:9443'],
    ['10.1', '10.0.0.1'],
    ['[2001:DB8::1]:8443', '[2001:db8::1]:8443'],
    ['[::1]', '[::1]'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['*.münchen.de', '*.xn--mnchen-3ya.de'],
    ['_svc.internal', '_svc.internal'],
  ])('%s is normalised to %s', (input, normalised) => {
    expect(parseHostPattern(input).text).toBe(normalised);
  });

  it.each([
    ['', 'empty'],
    ['https://api.example.com', 'not a URL'],
    ['api.example.com/path', 'not a URL'],
    ['api.*.example.com', 'whole first label'],
    ['api*.example.com', 'whole first label'],
    ['*', 'whole first label'],
    ['*.0.0.7', 'IP address cannot have a wildcard'],
    ['*.10.0.0.7', 'IP address cannot have a wildcard'],
    ['api.example.com:0', 'not a port'],
    ['api.example.com:65536', 'not a port'],
    ['api.example.com:http', 'not a port'],
    ['2001:db8::1', 'brackets'],
    ['[not-ipv6]:443', 'not an IPv6 address'],
    ['-bad-.example.com', 'not a valid host name'],
    [`${'a'.repeat(64)}.example.com`, 'not a valid host name'],
  ])('refuses %j with INVALID_ARGUMENT (%s)', (input, why) => {
    try {
      parseHostPattern(input);
      expect.fail('accepted');
    } catch (error) {
      expect(isStudioError(error) && error.code).toBe('INVALID_ARGUMENT');
      expect((error as Error).message).toContain(why);
    }
  });
});

describe('matching a URL: exact host + port > exact host > longest wildcard', () => {
  const owners = [
    owner('port', 'api.example.com:8443'),
    owner('exact', 'api.example.com'),
    owner('wide', '*.example.com'),
    owner('narrow', '*.api.example.com'),
    owner('narrow-port', '*.api.example.com:9443'),
  ];

  it('an exact host and port beats everything on that port', () => {
    expect(best(owners, 'https://api.example.com:8443/x')).toMatchObject({ winner: 'port', kind: 'exact-host-port' });
  });

  it('an exact host (any port) beats wildcards, on 443 when the URL has no port', () => {
    const match = best(owners, 'https://api.example.com/health');
    expect(match).toMatchObject({ winner: 'exact', kind: 'exact-host' });
    expect(parseTarget('https://api.example.com/health').port).toBe(443);
    expect(best(owners, 'api.example.com:7000')).toMatchObject({ winner: 'exact' });
  });

  it('the longest wildcard wins, and at equal length the one naming the port', () => {
    expect(best(owners, 'https://v1.api.example.com/')).toMatchObject({ winner: 'narrow', kind: 'wildcard' });
    expect(best(owners, 'https://v1.api.example.com:9443/')).toMatchObject({ winner: 'narrow-port' });
    expect(best(owners, 'https://www.example.com/')).toMatchObject({ winner: 'wide' });
    expect(best(owners, 'https://a.b.c.example.com/')).toMatchObject({ winner: 'wide' });
  });

  it('lists every matching rule, best first', () => {
    expect(best(owners, 'https://api.example.com:8443/').all).toEqual(['api.example.com:8443@port', 'api.example.com@exact', '*.example.com@wide']);
  });

  it('patterns are anchored at both ends', () => {
    const anchored = [owner('a', 'api.example.com'), owner('w', '*.example.com')];
    expect(best(anchored, 'https://api.example.com.evil.net/').winner).toBeNull();
    expect(best(anchored, 'https://xapi.example.com/').winner).toBe('w');
    expect(best([owner('a', 'api.example.com')], 'https://xapi.example.com/').winner).toBeNull();
    expect(best([owner('w', '*.example.com')], 'https://example.com/').winner).toBeNull();
    expect(best([owner('w', '*.example.com')], 'https://badexample.com/').winner).toBeNull();
  });

  it('a port in the pattern must match; IP literals match exactly and never a wildcard', () => {
    expect(best([owner('p', 'api.example.com:8443')], 'https://api.example.com/').winner).toBeNull();
    expect(best([owner('ip', '10.0.0.7')], 'https://10.0.0.7:9443/').winner).toBe('ip');
    expect(best([owner('v6', '[2001:db8::1]:8443')], 'https://[2001:DB8::1]:8443/').winner).toBe('v6');
  });

  it('IDN URLs match their punycode patterns', () => {
    expect(best([owner('idn', '*.münchen.de')], 'https://api.münchen.de/').winner).toBe('idn');
  });

  it('two identities on the same pattern tie: no identity, and the conflict is reported', () => {
    const tie = [owner('A', '*.example.com'), owner('B', '*.example.com'), owner('C', 'other.example.com')];
    expect(best(tie, 'https://x.example.com/')).toMatchObject({ winner: null, tied: ['A', 'B'] });
    expect(best(tie, 'https://other.example.com/')).toMatchObject({ winner: 'C' });
    expect(findConflicts(tie)).toEqual([{ pattern: '*.example.com', identities: [{ id: 'id-A', name: 'A' }, { id: 'id-B', name: 'B' }] }]);
  });

  it('only https URLs take part; bare host[:port] means https', () => {
    expect(parseTarget('api.example.com:8443')).toEqual({ url: 'https://api.example.com:8443/', host: 'api.example.com', port: 8443 });
    expect(() => parseTarget('http://api.example.com/')).toThrow(/does not use TLS/);
    expect(() => parseTarget('https://exa mple.com/')).toThrow(/not a URL/);
  });
});
