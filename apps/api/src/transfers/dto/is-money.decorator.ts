import { isMoneyText } from '#domain';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A non-negative amount with at most four decimals, as a string ("3.50") or a JSON number (3.5). */
export function IsMoney(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMoney',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a non-negative amount with at most 4 decimals, e.g. "3.50"', ...options },
      validator: {
        validate: (value: unknown) => {
          const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
          return isMoneyText(text) && !String(text).trim().startsWith('-');
        },
      },
    });
}
