import type { FastifyInstance } from 'fastify';
import { ApiError, badRequest, notFound } from '../http/api-error.js';
import { objectBody, optionalBoolean, requiredString, type Fields } from '../http/request-body.js';
import type { SandboxContext } from '../sandbox-context.js';
import { WEBHOOK_TYPES, type WebhookSubscription, type WebhookType } from '../webhooks/webhook-subscriptions.js';

type IdParams = { Params: { id: string } };

function readSubscription(fields: Fields, current?: WebhookSubscription): Omit<WebhookSubscription, 'id'> {
  const url = fields['url'] === undefined && current ? current.url : requiredString(fields, 'url');
  if (!URL.canParse(url)) throw badRequest('url must be an absolute URL');
  const type = fields['type'] === undefined && current ? current.type : fields['type'];
  if (!WEBHOOK_TYPES.includes(type as WebhookType)) throw badRequest(`type must be one of ${WEBHOOK_TYPES.join(', ')}`);
  const active = optionalBoolean(fields, 'active') ?? current?.active ?? true;
  return { url, type: type as WebhookType, active };
}

const duplicate = (): ApiError => new ApiError(409, 'A webhook with this type and url already exists');

export function webhooksRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { subscriptions } = ctx;

  app.get('/api/2.0/webhooks', async () => ({ data: subscriptions.list() }));

  app.post('/api/2.0/webhooks', async (request, reply) => {
    const created = subscriptions.create(readSubscription(objectBody(request.body)));
    if (created === undefined) throw duplicate();
    return reply.code(201).send({ data: created });
  });

  app.get<IdParams>('/api/2.0/webhooks/:id', async (request) => {
    const subscription = subscriptions.get(request.params.id);
    if (subscription === undefined) throw notFound();
    return { data: subscription };
  });

  app.put<IdParams>('/api/2.0/webhooks/:id', async (request) => {
    const subscription = subscriptions.get(request.params.id);
    if (subscription === undefined) throw notFound();
    const update = readSubscription(objectBody(request.body), subscription);
    if (subscriptions.isDuplicate(update, subscription.id)) throw duplicate();
    Object.assign(subscription, update);
    return { data: subscription };
  });

  app.delete<IdParams>('/api/2.0/webhooks/:id', async (request, reply) => {
    if (!subscriptions.delete(request.params.id)) throw notFound();
    return reply.code(204).send();
  });
}
