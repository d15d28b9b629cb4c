/** A postal address as this service keeps it; the country is an ISO 3166-1 alpha-2 code (AU, NZ). */
export interface Address {
  name?: string;
  company?: string;
  phone?: string;
  email?: string;
  /** Unit and level, when the street line does not hold them. */
  building?: string;
  street: string;
  suburb?: string;
  city?: string;
  state?: string;
  postCode: string;
  countryCode: string;
  /** Shown to the driver (≤ 100 characters); destinations only. */
  deliveryInstructions?: string;
}
