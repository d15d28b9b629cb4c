import type { FastifyInstance } from 'fastify';
import { priceRates } from '../rates/price-rates.js';
import { parseRateRequest } from '../rates/rate-request.js';
import type { SandboxContext } from '../sandbox-context.js';

export function ratesRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/api/rates', async (request) => {
    const quote = parseRateRequest(request.body);
    const from = quote.sender ?? { post_code: ctx.options.pickup.postCode, country_code: ctx.options.pickup.countryCode };
    const rates = priceRates(quote.packages, {
      fromPostCode: from.post_code,
      fromCountry: from.country_code,
      toPostCode: quote.destination.post_code,
      toCountry: quote.destination.country_code,
    });
    return { rates, success: true };
  });
}
