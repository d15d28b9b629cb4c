/** Cents as a price tag: "$12.50", or "12.50 NZD" when the currency is named. */
export const price = (cents: number, currency: string | null): string => {
  const amount = (cents / 100).toFixed(2);
  return currency ? `${amount} ${currency}` : `$${amount}`;
};
