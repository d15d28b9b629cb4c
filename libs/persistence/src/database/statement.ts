/** Adds a value to a statement's parameters and gives its placeholder (`$3`); the caller writes the cast. */
export type Bind = (value: unknown) => string;

/** A statement whose parameters are numbered as its parts bind them, so parts written apart compose into one. */
export function buildStatement(name: string, build: (bind: Bind) => string): { name: string; text: string; values: unknown[] } {
  const values: unknown[] = [];
  const text = build((value) => {
    values.push(value);
    return `$${values.length}`;
  });
  return { name, text, values };
}
