import { applyDecorators, SetMetadata } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';

export const IS_PUBLIC = 'consignments:public';

/**
 * An empty security requirement, so the OpenAPI document says the route takes no token. On a
 * method it goes into the operation's own metadata: @nestjs/swagger drops an empty method-level
 * security list, which would let the document fall back to no requirement at all.
 */
function NoSecurity(target: object, _key?: string | symbol, descriptor?: PropertyDescriptor): void {
  if (!descriptor) {
    Reflect.defineMetadata(DECORATORS.API_SECURITY, [], target);
    return;
  }
  const operation: object = Reflect.getMetadata(DECORATORS.API_OPERATION, descriptor.value) ?? {};
  Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, descriptor.value);
}

/** Marks a route that needs no token (health probes, API docs), in the guard and in the OpenAPI document. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), NoSecurity);
