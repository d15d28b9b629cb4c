/** A value of the audit trail as a person reads it: text as is, nothing as "—", anything else as compact JSON. */
export const shown = (value: unknown): string => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
