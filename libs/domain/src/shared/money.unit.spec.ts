import { describe, expect, it } from '@jest/globals';
import { DomainError } from './domain-error.js';
import { addMoney, formatMoney, isMoneyText, multiplyMoney, parseMoney } from './money.js';

describe('money', () => {
  it.each([
    ['3.5', 35_000],
    ['3.50', 35_000],
    ['12', 120_000],
    ['0.0001', 1],
    ['-0.0001', -1],
    ['  1.25  ', 12_500],
    ['99999999999.9999', 999_999_999_999_999],
  ])('reads %j as %d ten-thousandths', (text, units) => {
    expect(parseMoney(text)).toBe(units);
  });

  it.each(['1.23456', 'abc', '1e3', '', '1,50', '.5', '+1.00', '100000000000.00'])('refuses %j', (text) => {
    expect(() => parseMoney(text)).toThrow(RangeError);
    expect(isMoneyText(text)).toBe(false);
  });

  it('only calls strings money text', () => {
    expect(isMoneyText('2.50')).toBe(true);
    expect(isMoneyText(2.5)).toBe(false);
    expect(isMoneyText(null)).toBe(false);
  });

  it.each([
    [35_000, '3.50'],
    [0, '0.00'],
    [1, '0.0001'],
    [12_340, '1.234'],
    [-12_345, '-1.2345'],
    [-5_000, '-0.50'],
    [120_000, '12.00'],
  ])('writes %d ten-thousandths as %j: at least two decimals, no trailing zeros beyond', (units, text) => {
    expect(formatMoney(units)).toBe(text);
  });

  it('multiplies and adds exactly, and refuses (as a domain error, not a crash) amounts too large to be exact', () => {
    expect(multiplyMoney(parseMoney('0.3333'), 3)).toBe(9_999);
    expect(addMoney(parseMoney('0.1'), parseMoney('0.2'))).toBe(parseMoney('0.3'));
    expect(() => multiplyMoney(parseMoney('99999999999'), 1_000_000)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSFER' }),
    );
    expect(() => addMoney(Number.MAX_SAFE_INTEGER, 1)).toThrow(DomainError);
  });
});
