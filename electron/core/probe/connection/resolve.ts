import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { ProbeResolveEntry } from '../../../common/dto/probe';
import { failureFacts, type FailureFacts } from './socket-error';

/** Every address for host:port — from --resolve when it names them, from the literal, or from the OS resolver. */

export interface Resolution {
  addresses: string[];
  /** 'literal', 'resolve-option' or 'dns' */
  source: 'literal' | 'resolve-option' | 'dns';
  dnsMs: number;
  failure: FailureFacts | null;
}

const bare = (host: string) => host.replace(/^\[|\]$/g, '');

export async function resolveAddresses(host: string, port: number, overrides: ProbeResolveEntry[], clock: () => number): Promise<Resolution> {
  const name = bare(host).toLowerCase();
  const override = overrides.find((entry) => bare(entry.host).toLowerCase() === name && entry.port === port);
  if (override) return { addresses: override.addresses.map(bare), source: 'resolve-option', dnsMs: 0, failure: null };
  if (isIP(name)) return { addresses: [name], source: 'literal', dnsMs: 0, failure: null };
  const start = clock();
  try {
    const found = await lookup(name, { all: true });
    const addresses = [...new Set(found.map((entry) => entry.address))];
    return { addresses, source: 'dns', dnsMs: clock() - start, failure: null };
  } catch (error) {
    return { addresses: [], source: 'dns', dnsMs: clock() - start, failure: failureFacts('dns', error, clock()) };
  }
}
