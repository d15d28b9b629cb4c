import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'consignments:public';

/** Marks a route that needs no token (health probes, API docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
