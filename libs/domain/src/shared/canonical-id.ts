const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/**
 * The one spelling of an id. Ids are compared as text everywhere they are keys (stream ids,
 * outlet scopes, JSON documents), while PostgreSQL's uuid type ignores letter case: two spellings
 * of one UUID would be two streams sharing one read-model row. A UUID is therefore always written
 * in lower case (as PostgreSQL prints it); any other id is opaque and kept exactly as given.
 */
export function canonicalId(id: string): string {
  return isUuid(id) ? id.toLowerCase() : id;
}

export function isCanonicalId(id: string): boolean {
  return canonicalId(id) === id;
}
