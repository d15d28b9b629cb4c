import type { Role } from '#domain';

export { ROLES, type Role } from '#domain';

/** The authenticated caller, from the bearer token's claims. */
export interface Actor {
  id: string;
  name: string | null;
  roles: Role[];
  outlets: string[];
}
