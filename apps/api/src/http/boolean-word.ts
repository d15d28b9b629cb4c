import { Transform } from 'class-transformer';

/** A query flag: only the words `true` and `false` (a plain Boolean('false') would be true); @IsBoolean refuses the rest. */
export function BooleanWord(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
}
