import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../../auth/session-cookie.js';

/** The API's OpenAPI document, read from the routes' decorators: served at /api/docs and linted by `npm run lint:openapi`. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Consignments API')
    .setDescription('Outlet transfers, purchase orders, supplier returns and stocktakes, mirrored into Lightspeed Retail as consignments.')
    .setVersion('1')
    .setLicense('Proprietary', 'https://example.invalid/consignments/license')
    .addServer('/')
    .addBearerAuth()
    .addCookieAuth(SESSION_COOKIE)
    .build();
  return SwaggerModule.createDocument(app, config);
}
