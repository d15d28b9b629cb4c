import { LightspeedMappingError } from '../errors.js';
import type { Page } from '../dto/page.js';
import { JsonObject } from './json-object.js';

/** `{ "data": … }` → the payload. */
export function unwrapData(body: unknown, path: string): unknown {
  const envelope = JsonObject.from(body, path);
  if (!('data' in (body as object))) throw new LightspeedMappingError(`${path}.data`, 'missing the data envelope');
  return envelope.raw('data');
}

/** `{ "data": [...], "version": { "min": n, "max": m } }` → a Page of mapped items. */
export function pageFromLightspeed<T>(body: unknown, path: string, mapItem: (json: unknown, path: string) => T): Page<T> {
  const data = unwrapData(body, path) ?? [];
  if (!Array.isArray(data)) throw new LightspeedMappingError(`${path}.data`, 'expected an array');
  const items = data.map((item, index) => mapItem(item, `${path}.data[${index}]`));
  const version = JsonObject.from(body, path).raw('version');
  const versionMax =
    version === undefined || version === null ? null : JsonObject.from(version, `${path}.version`).optionalVersion('max');
  return { items, versionMax };
}
