import fc from 'fast-check';

/** JSON text written as it is: numbers `JSON.stringify` cannot produce (1e400, -0, 12345678901234567890). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Leaves the field out of the body altogether. */
export const OMIT = Symbol('omit');

/** JSON text of a generated value, with RawJson written verbatim and OMIT fields left out. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((entry) => (entry === OMIT ? 'null' : toJsonText(entry))).join(',')}]`;
  if (value && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, entry]) => entry !== OMIT);
    return `{${fields.map(([key, entry]) => `${JSON.stringify(key)}:${toJsonText(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Percent-encodes every byte but the unreserved ones (a lone surrogate goes as U+FFFD, as a browser would). */
export function encodeComponent(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

const SPECIAL_STRINGS = [
  '', ' ', '\t\n', '\u0000', 'MUG-01\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '\uFFFF', '\u202Eevil', '\u200B',
  "' OR '1'='1", "'; DROP TABLE events; --", '" OR 1=1 --', '%', '_', '\\', 'a%_\\', '%00', '%zz', '${7*7}', '{{7*7}}',
  '<script>alert(1)</script>', '../../etc/passwd', '..', '.', '/', 'null', 'undefined', 'true', 'NaN', 'Infinity', '-1',
  '0', '1e309', '0x1F', '[]', '{}', '__proto__', 'constructor', 'prototype', '🙂🙂🙂', 'Ω≈ç√∫', 'ｍｕｇ', 'e\u0301',
  'north', 'south', 'MUG-01', 'acme', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2026-11-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '275760-09-13T00:00:00Z', '2026-02-30T00:00:00Z',
  '1970-01-01T00:00:00.000000001Z', '-000001-01-01T00:00:00Z',
];

const controlOrSurrogate = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('\u007f', '\u0085', '\u2028', '\u2029', '\uFEFF'),
);

/** Strings a hostile or careless client sends: unicode, control characters, NUL, lone surrogates, injections, huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: controlOrSurrogate, minLength: 1, maxLength: 4 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('MUG', 'north', 'x'), controlOrSurrogate).map(([text, odd]) => `${text}${odd}`) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 1, arbitrary: fc.integer({ min: 90, max: 3000 }).map((length) => 'ẍ'.repeat(length)) },
  { weight: 1, arbitrary: fc.uuid() },
);

/** Numbers at and past every edge: negative, fractional, huge, beyond a double, written oddly. */
export const hostileNumber: fc.Arbitrary<number | RawJson> = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, -0.5, 0.5, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 1_000_000_000, 1_000_000_001, 1e21, Number.MAX_VALUE),
  fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '-0', '1.0', '1e2', '0.1e1', '1E-400').map((text) => new RawJson(text)),
);

/** Any value at all where one field was expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
);

const REFUSED_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text a field takes (non-blank, short enough, no NUL or lone surrogate, which every field refuses)
 * that is still hostile: unicode, injection-shaped, control characters.
 */
export const validText = (maxLength: number): fc.Arbitrary<string> =>
  hostileString.filter((text) => text.trim() !== '' && text.length <= maxLength && !REFUSED_TEXT.test(text));

/**
 * A body shaped like the route's DTO: every field valid, then up to two of them swapped for a
 * hostile value or left out, now and then with a stranger field. Mostly-valid bodies get past
 * validation, so the hostile parts that validation lets through reach the domain and the database.
 */
export function shapedBody(model: Record<string, fc.Arbitrary<unknown>>, cleanWeight = 2): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(model);
  const swaps = fc.tuple(fc.subarray(names, { minLength: 1, maxLength: Math.min(2, names.length) }), fc.array(fc.oneof({ weight: 4, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant(OMIT) }, { weight: 1, arbitrary: fc.constant(null) }), { minLength: 2, maxLength: 2 }));
  return fc
    .tuple(
      fc.record(model),
      fc.oneof({ weight: cleanWeight, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: swaps }),
      fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(hostileString, hostileValue) }),
    )
    .map(([valid, swap, extra]) => {
      const body: Record<string, unknown> = { ...valid };
      swap?.[0].forEach((name, index) => {
        body[name] = swap[1][index];
      });
      if (extra) body[extra[0]] = extra[1];
      return body;
    });
}

const PROTOTYPE_POLLUTION = [
  '{"__proto__":{"roles":["admin"]}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"reason":"x","__proto__":{"reason":"y"}}',
  '{"quantity":1,"quantity":-1}',
].map((text) => new RawJson(text));

/** A body: shaped like the DTO most of the time (see shapedBody), otherwise any JSON (arrays, scalars, prototype tricks). */
export function hostileBody(shaped: fc.Arbitrary<unknown> | null): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: shaped ? 8 : 0, arbitrary: shaped ?? fc.constant({}) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(hostileString, hostileValue, { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_POLLUTION) },
  );
}

/**
 * Hostile strings short enough for a URL: Node refuses a request line over its 16 KiB header limit
 * before the API sees it (with a 431 of its own).
 */
const urlString = hostileString.map((text) => text.slice(0, 300));

/** A path segment: the real one usually, or a random UUID, a hostile string, or a broken percent-encoding. */
export function pathSegment(real: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: real.map(encodeComponent) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: urlString.filter((text) => text !== '').map(encodeComponent) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%C0%AF', '%FF', '%ED%A0%80', '%2e%2e', '%2F', '..') },
  );
}

/** A query string: the route's parameters with hostile values, sometimes repeated, sometimes unknown ones. */
export function hostileQuery(known: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  const value = (valid: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 3, arbitrary: valid.map(String) }, { weight: 3, arbitrary: urlString }, { weight: 1, arbitrary: hostileNumber.map((n) => (n instanceof RawJson ? n.text : String(n))) });
  const names = Object.keys(known);
  const pair = fc.oneof(
    { weight: names.length ? 8 : 0, arbitrary: names.length ? fc.constantFrom(...names).chain((name) => value(known[name] as fc.Arbitrary<unknown>).map((v) => [name, v] as const)) : fc.constant(['x', 'y'] as const) },
    { weight: 1, arbitrary: fc.tuple(urlString, urlString) },
  );
  const encoded = fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.map(([name, v]) => `${encodeComponent(name)}=${encodeComponent(v)}`).join('&'));
  return fc.oneof(
    { weight: 9, arbitrary: encoded },
    { weight: 1, arbitrary: fc.constantFrom('a[b]=c', 'limit', '=&=&', '%zz=1', 'limit=1&limit=2', '__proto__[x]=1', 'cursor=%') },
  );
}

/** Cursors shaped like the API's own (base64url JSON arrays of 2 or 3 values) holding values it never issued. */
const cursorValue = fc.oneof(
  hostileString,
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('2026-02-30T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-11-24'),
  fc.integer(),
  fc.double(),
  fc.constant(null),
);
export const craftedCursor: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: 2, max: 3 }).chain((length) => fc.array(cursorValue, { minLength: length, maxLength: length })) },
    { weight: 1, arbitrary: fc.array(cursorValue, { maxLength: 4 }) },
  )
  .map((values) => Buffer.from(JSON.stringify(values)).toString('base64url'));
