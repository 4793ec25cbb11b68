/**
 * Reads the IPC contract's zod schemas to produce, for any channel — including ones added later — a valid
 * argument list and every malformed variant of it (wrong type at each position and field, a missing required
 * field, an unknown field, an extra argument), plus a lint of the schemas themselves (strict objects, bounded
 * strings and arrays, no variadic tuples). When a schema uses a construct this file does not know, the tests
 * fail and say so, rather than silently covering less.
 */
import type { z } from 'zod';

type Schema = z.ZodType;
interface Def {
  type: string;
  [key: string]: unknown;
}
const def = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strings tried, in order, until the schema accepts one (paths, ids, fingerprints, hosts, names…). */
const STRING_CANDIDATES = [
  '/tmp/mtls-studio-contract/sample.pem',
  '3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f708192',
  '0'.repeat(64),
  '0'.repeat(40),
  'sample',
  'client.example.com',
  '*.example.com',
  'https://client.example.com/',
  'CN=Sample Client',
  '2026-01-01T00:00:00.000Z',
  '127.0.0.1',
  'a',
];
const NUMBER_CANDIDATES = [1, 0, 443, 30, 2048, 0.5, -1];

export class UnsupportedSchemaError extends Error {}

/** A value the schema accepts. `full`: optional fields included (so they are probed too). */
export function validSample(schema: Schema, full = true): unknown {
  const value = sampleOf(schema, full);
  if (!schema.safeParse(value).success) throw new UnsupportedSchemaError(`no valid sample for a ${def(schema).type} schema`);
  return value;
}

function sampleOf(schema: Schema, full: boolean): unknown {
  const d = def(schema);
  switch (d.type) {
    case 'tuple':
      return (d.items as Schema[]).map((item) => sampleOf(item, full));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(d.shape as Record<string, Schema>)) {
        if (def(field).type === 'optional' && !full) continue;
        out[key] = sampleOf(field, full);
      }
      return out;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return sampleOf(d.innerType as Schema, full);
    case 'array': {
      const element = sampleOf(d.element as Schema, full);
      for (let n = 1; n <= 4; n++) {
        const list = Array.from({ length: n }, () => element);
        if (schema.safeParse(list).success) return list;
      }
      throw new UnsupportedSchemaError('no valid array length between 1 and 4');
    }
    case 'string':
      return firstAccepted(schema, STRING_CANDIDATES, 'string');
    case 'number':
      return firstAccepted(schema, NUMBER_CANDIDATES, 'number');
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'enum':
      return Object.values(d.entries as Record<string, unknown>)[0];
    case 'literal':
      return (d.values as unknown[])[0];
    case 'union':
      for (const option of d.options as Schema[]) {
        try {
          const value = sampleOf(option, full);
          if (schema.safeParse(value).success) return value;
        } catch {
          // try the next option
        }
      }
      throw new UnsupportedSchemaError('no union option yields a sample');
    default:
      throw new UnsupportedSchemaError(`schema type '${d.type}' is not known to test/main/contract-samples.ts`);
  }
}

function firstAccepted<T>(schema: Schema, candidates: T[], kind: string): T {
  const found = candidates.find((candidate) => schema.safeParse(candidate).success);
  if (found === undefined) throw new UnsupportedSchemaError(`no ${kind} candidate fits; add one to test/main/contract-samples.ts`);
  return found;
}

/** Values of every JSON-ish type (and a few hostile ones) to put where something else is expected. */
export const PROBES: { label: string; value: unknown }[] = [
  { label: 'undefined', value: undefined },
  { label: 'null', value: null },
  { label: 'number', value: 7 },
  { label: 'NaN', value: Number.NaN },
  { label: 'boolean', value: false },
  { label: 'empty string', value: '' },
  { label: '100 kB string', value: 'x'.repeat(100_000) },
  { label: 'array', value: ['x'] },
  { label: 'empty object', value: {} },
  { label: 'prototype-polluting object', value: JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{}}}') },
  { label: 'function-like string', value: 'function () { return process }' },
];

export interface Variant {
  label: string;
  args: unknown[];
}

/** Every malformed argument list derived from a valid one; each is rejected by the channel's schema. */
export function malformedVariants(argsSchema: Schema, valid: unknown[]): Variant[] {
  const variants: Variant[] = [{ label: 'an extra argument', args: [...valid, 'extra'] }];
  if (valid.length > 0) variants.push({ label: 'a missing argument', args: valid.slice(0, -1) });
  variants.push({ label: 'arguments as one object', args: [Object.assign({}, valid)] });
  const items = def(argsSchema).items as Schema[];
  items.forEach((item, index) => {
    for (const mutation of mutations(item, valid[index], `argument ${index}`)) {
      const args = [...valid];
      args[index] = mutation.value;
      variants.push({ label: mutation.label, args });
    }
  });
  // a variant another schema branch happens to accept is not malformed; the walk asserts how many remain
  return variants.filter((variant) => !argsSchema.safeParse(variant.args).success);
}

function mutations(schema: Schema, value: unknown, where: string): { label: string; value: unknown }[] {
  const out = PROBES.filter((probe) => !schema.safeParse(probe.value).success).map((probe) => ({ label: `${where}: ${probe.label}`, value: probe.value }));
  const d = def(unwrap(schema));
  if (d.type === 'object' && value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    out.push({ label: `${where}: unknown field`, value: { ...record, injected: 'x' } });
    for (const [key, field] of Object.entries(d.shape as Record<string, Schema>)) {
      if (def(field).type !== 'optional' && key in record) {
        const { [key]: _dropped, ...rest } = record;
        out.push({ label: `${where}.${key}: missing`, value: rest });
      }
      if (key in record) {
        for (const inner of mutations(field, record[key], `${where}.${key}`)) out.push({ label: inner.label, value: { ...record, [key]: inner.value } });
      }
    }
  }
  if (d.type === 'array' && Array.isArray(value) && value.length > 0) {
    for (const inner of mutations(d.element as Schema, value[0], `${where}[0]`)) out.push({ label: inner.label, value: [inner.value, ...value.slice(1)] });
  }
  return out;
}

const unwrap = (schema: Schema): Schema => {
  const d = def(schema);
  return ['optional', 'nullable', 'default', 'readonly'].includes(d.type) ? unwrap(d.innerType as Schema) : schema;
};

/** What makes a schema too permissive for a trust boundary; [] when it is tight. */
export function schemaProblems(schema: Schema, where: string): string[] {
  const d = def(schema);
  const inner = (s: Schema, suffix: string) => schemaProblems(s, `${where}${suffix}`);
  switch (d.type) {
    case 'tuple':
      return [...(d.rest ? [`${where}: variadic arguments (tuple rest)`] : []), ...(d.items as Schema[]).flatMap((item, i) => inner(item, `[${i}]`))];
    case 'object': {
      const strict = d.catchall !== undefined && def(d.catchall as Schema).type === 'never';
      return [...(strict ? [] : [`${where}: object accepts unknown fields (use z.strictObject)`]), ...Object.entries(d.shape as Record<string, Schema>).flatMap(([key, field]) => inner(field, `.${key}`))];
    }
    case 'array': {
      const bounded = ((d.checks as { _zod: { def: { check: string } } }[] | undefined) ?? []).some((check) => check._zod.def.check === 'max_length');
      return [...(bounded ? [] : [`${where}: array without .max()`]), ...inner(d.element as Schema, '[]')];
    }
    case 'string': {
      const string = schema as unknown as { maxLength: number | null; format: string | null };
      return string.maxLength !== null || string.format === 'uuid' || boundedPattern(d) ? [] : [`${where}: string without .max()`];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return inner(d.innerType as Schema, '');
    case 'union':
      return (d.options as Schema[]).flatMap((option, i) => inner(option, `|${i}`));
    case 'number':
    case 'boolean':
    case 'null':
    case 'enum':
    case 'literal':
      return [];
    default:
      return [`${where}: '${d.type}' schemas are not allowed at the IPC boundary (or teach test/main/contract-samples.ts about them)`];
  }
}

/** A regex that fixes the length by itself: anchored at both ends, no `*`, `+` or open `{n,}`. */
function boundedPattern(d: Def): boolean {
  const checks = (d.checks as { _zod: { def: { format?: string; pattern?: RegExp } } }[] | undefined) ?? [];
  return checks.some(({ _zod: { def: check } }) => {
    const source = check.format === 'regex' ? check.pattern?.source : undefined;
    return source !== undefined && source.startsWith('^') && source.endsWith('$') && !/[*+]|\{\d+,\}/.test(source.replace(/\\./g, ''));
  });
}
