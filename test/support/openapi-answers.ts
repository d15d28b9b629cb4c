import { Ajv, type ErrorObject } from 'ajv';

type Schema = Record<string, unknown>;

export interface OpenApiOperation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  [key: string]: unknown;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Fastify's `/transfers/:id` as OpenAPI writes it: `/transfers/{id}`. */
export const openApiPath = (fastifyPath: string): string => fastifyPath.replace(/:(\w+)/g, '{$1}');

/**
 * An OpenAPI 3.0 schema as JSON Schema: `nullable: true` becomes "null, or the rest" (ajv reads
 * `nullable` only beside `type`, and @nestjs/swagger puts it beside `allOf` for a nullable object).
 * With `close`, every object that lists its properties is closed to any other, so that a success
 * answering a field the document does not describe fails validation.
 */
function jsonSchema(schema: unknown, close: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((item) => jsonSchema(item, close));
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Schema;
  const copy = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, jsonSchema(value, close)]));
  if (close && 'properties' in copy && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return nullable === true ? { anyOf: [{ type: 'null' }, copy] } : copy;
}

/**
 * Checks an answer against what the served OpenAPI document says the operation answers with that
 * status and media type: the errors, or [] when it conforms.
 */
export function answerChecker(document: OpenApiDocument) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const schemas = Object.fromEntries(
    // Problems stay open: RFC 9457 lets them carry extension members (a refusal's `transferId`, `allowedActions`, …).
    Object.entries(document.components.schemas).map(([name, schema]) => [name, jsonSchema(schema, name !== 'ProblemResponse')]),
  );
  return (method: string, path: string, status: number, contentType: string, body: unknown): ErrorObject[] => {
    const operation = document.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`The document has no operation ${method} ${path}`);
    const answer = operation.responses[String(status)];
    if (!answer) throw new Error(`${method} ${path} documents no ${status} answer`);
    const mediaType = contentType.split(';')[0]!.trim();
    const schema = answer.content?.[mediaType]?.schema;
    if (!schema) throw new Error(`${method} ${path} documents no ${mediaType} body for ${status}`);
    const validate = ajv.compile({ ...(jsonSchema(schema, true) as Schema), components: { schemas } });
    return validate(body) ? [] : (validate.errors ?? []);
  };
}
