/** Whose address it is: an outlet or a supplier, by its id in Lightspeed's catalogue. */
export type PartyKind = 'outlet' | 'supplier';
export const PARTY_KINDS: readonly PartyKind[] = ['outlet', 'supplier'];

export interface Party {
  kind: PartyKind;
  id: string;
}

/** Where freight is collected from or delivered to; optional fields are null when not given. */
export interface ShippingAddress {
  contactName: string;
  company: string | null;
  street: string;
  suburb: string | null;
  city: string | null;
  state: string | null;
  postCode: string;
  countryCode: string;
  phone: string | null;
  email: string | null;
  deliveryInstructions: string | null;
}

/** An address as a command states it: optional fields may be left out, null or empty. */
export type ShippingAddressInput = Pick<ShippingAddress, 'contactName' | 'street' | 'postCode' | 'countryCode'> &
  Partial<Omit<ShippingAddress, 'contactName' | 'street' | 'postCode' | 'countryCode'>>;

/** A party's address as its events have made it; `address` is null once cleared. */
export interface ShippingAddressState {
  party: Party;
  address: ShippingAddress | null;
  version: number;
  updatedAt: string;
  /** The actor of the last change. */
  updatedBy: string;
}

export const SHIPPING_ADDRESS_FIELDS = [
  'contactName',
  'company',
  'street',
  'suburb',
  'city',
  'state',
  'postCode',
  'countryCode',
  'phone',
  'email',
  'deliveryInstructions',
] as const satisfies readonly (keyof ShippingAddress)[];

export const REQUIRED_ADDRESS_FIELDS = ['contactName', 'street', 'postCode', 'countryCode'] as const satisfies readonly (keyof ShippingAddress)[];

/** The most characters each field holds, once trimmed. */
export const SHIPPING_ADDRESS_MAX_LENGTH: Readonly<Record<keyof ShippingAddress, number>> = {
  contactName: 100,
  company: 100,
  street: 100,
  suburb: 100,
  city: 100,
  state: 100,
  postCode: 10,
  countryCode: 2,
  phone: 30,
  email: 100,
  deliveryInstructions: 100,
};

/** The key of a party's address stream and row: `outlet:<id>` or `supplier:<id>`. */
export function shippingAddressKey(party: Party): string {
  return `${party.kind}:${party.id}`;
}

/** The party a key names, or null when it names none. */
export function partyOfKey(key: string): Party | null {
  const separator = key.indexOf(':');
  const kind = key.slice(0, separator);
  const id = key.slice(separator + 1);
  if (separator < 0 || !(PARTY_KINDS as readonly string[]).includes(kind) || id.length === 0) return null;
  return { kind: kind as PartyKind, id };
}

/** Only the address's own fields, whatever else `source` carries. */
export function addressOf(source: ShippingAddress): ShippingAddress {
  const address = {} as Record<keyof ShippingAddress, string | null>;
  for (const field of SHIPPING_ADDRESS_FIELDS) address[field] = source[field];
  return address as unknown as ShippingAddress;
}

export function sameAddress(a: ShippingAddress | null, b: ShippingAddress | null): boolean {
  if (a === null || b === null) return a === b;
  return SHIPPING_ADDRESS_FIELDS.every((field) => a[field] === b[field]);
}
