export const ROLES = ['staff', 'manager', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, from the bearer token's claims. */
export interface Actor {
  id: string;
  name: string | null;
  roles: Role[];
  outlets: string[];
}
