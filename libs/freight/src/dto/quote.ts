/** One priced service of a quote. */
export interface CarrierQuote {
  /** The carrier's product code, e.g. `7B05`; book with it as `serviceCode`. */
  serviceCode: string;
  serviceName: string;
  priceCents: number;
  /** ISO 4217, when Starshipit names it; otherwise the account's currency. */
  currency?: string;
}
