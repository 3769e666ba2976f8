import type { AnyTRPCProcedure } from '@trpc/server';
import { z } from 'zod';
import { MAX_BATCH_CALLS } from '../../shared/api/transport';
import { WEBHOOK_PAYLOADS } from '../../shared/api/webhookPayloads';
import { appRouter } from '../trpc/appRouter';
import type { ProcedureMeta } from '../trpc/trpc';

/**
 * The OpenAPI 3.1 document of what integrations call (`GET /api/openapi.json`), built from the
 * router itself: every procedure whose meta opens it to a token scope, with the zod schemas it
 * validates its input and output with, as they travel over tRPC's HTTP (no transformer). Webhook
 * payloads go under `webhooks` and `components`. Nothing here is written by hand but the prose.
 */

type JsonSchema = Record<string, unknown>;

export interface TokenProcedure {
  path: string;
  type: 'query' | 'mutation';
  scope: string;
  access: string;
  input: z.ZodType | undefined;
  output: z.ZodType | undefined;
}

/** Every procedure an integration token may call, read from the router (server/trpc/trpc.ts meta). */
export function tokenProcedures(): TokenProcedure[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
  return Object.entries(procedures)
    .flatMap(([path, procedure]) => {
      const def = procedure._def as unknown as {
        type: 'query' | 'mutation' | 'subscription';
        meta?: ProcedureMeta;
        inputs: z.ZodType[];
        output?: z.ZodType;
      };
      const scope = def.meta?.tokenScope;
      if (!scope || def.type === 'subscription') return [];
      return [
        { path, type: def.type, scope, access: def.meta?.access ?? '', input: def.inputs[0], output: def.output },
      ];
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, as a caller sends or receives it. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Refinements (superRefine) cannot be expressed and are left out: the server still applies them.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** What a failed call answers (server/trpc/errorFormatter.ts). */
const trpcError = z.object({
  error: z.object({
    message: z.string(),
    /** JSON-RPC 2.0 error number tRPC uses (e.g. -32600 for BAD_REQUEST). */
    code: z.number().int(),
    data: z.object({
      /** tRPC's code: BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS, … */
      code: z.string(),
      httpStatus: z.number().int(),
      path: z.string().optional(),
      /** The desk's stable reason (e.g. `invalid_input`, `case_not_found`). */
      reason: z.string().optional(),
      /** For invalid input: the first offending field, dotted (e.g. `subject.id`). */
      field: z.string().optional(),
      issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });
const errorResponse = (description: string) => ({ description, ...json(ref('TrpcError')) });

const DESCRIPTION = `The desk's integration procedures, called over tRPC's HTTP protocol with plain JSON (no data
transformer; dates are ISO 8601 strings).

- A **mutation** is \`POST /trpc/<procedure>\` with the input as the JSON body
  (\`Content-Type: application/json\`).
- A **query** is \`GET /trpc/<procedure>?input=<URL-encoded JSON of the input>\`.
- Success answers 200 with \`{"result": {"data": <output>}}\`; a failure answers the HTTP status of its
  \`error.data.code\` with \`{"error": {...}}\` (schema \`TrpcError\`).
- Every call sends \`Authorization: Bearer <token>\`; a token opens only the procedures of its scopes
  (\`intake\`, \`appeals\`, \`enforcement\`).
- Several calls may be batched (\`/trpc/a,b?batch=1\`, at most ${MAX_BATCH_CALLS}); see tRPC's documentation.

Webhooks: every outbox message is POSTed to the endpoints subscribed to its type, signed with
\`Verdict-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">\`; the same messages are listed by
\`enforcement.changes\`. Their JSON Schemas are under \`webhooks\` and \`components.schemas\`
(\`Webhook.<type>\`), and at \`/api/schemas/<type>.json\`.`;

export function buildOpenApiDocument(): JsonSchema {
  const schemas: Record<string, JsonSchema> = { TrpcError: jsonSchemaOf(trpcError, 'output') };
  const paths: Record<string, JsonSchema> = {};
  for (const p of tokenProcedures()) {
    const inputName = `${p.path}.input`;
    const outputName = `${p.path}.output`;
    schemas[inputName] = p.input ? jsonSchemaOf(p.input, 'input') : { type: 'object' };
    schemas[outputName] = p.output ? jsonSchemaOf(p.output, 'output') : {};
    const operation: JsonSchema = {
      operationId: p.path,
      summary: p.path,
      description: `Open to integration tokens with the \`${p.scope}\` scope (and to staff whose role grants \`${p.access}\`).`,
      tags: [p.scope],
      security: [{ bearerToken: [] }],
      responses: {
        200: {
          description: 'The result',
          ...json({
            type: 'object',
            properties: { result: { type: 'object', properties: { data: ref(outputName) }, required: ['data'] } },
            required: ['result'],
          }),
        },
        400: errorResponse('Invalid input (`data.reason` is `invalid_input`, `data.field` names the field)'),
        401: errorResponse('No valid token'),
        403: errorResponse('The token lacks the scope'),
        404: errorResponse('What the input names does not exist'),
        409: errorResponse('A conflict with the current state'),
        429: errorResponse('Over the rate limit'),
      },
    };
    if (p.type === 'mutation') {
      operation.requestBody = { required: true, ...json(ref(inputName)) };
      paths[`/trpc/${p.path}`] = { post: operation };
    } else {
      operation.parameters = [
        { name: 'input', in: 'query', required: true, description: 'The input, as JSON', ...json(ref(inputName)) },
      ];
      paths[`/trpc/${p.path}`] = { get: operation };
    }
  }
  const webhooks: Record<string, JsonSchema> = {};
  for (const [type, schema] of Object.entries(WEBHOOK_PAYLOADS)) {
    schemas[`Webhook.${type}`] = jsonSchemaOf(schema, 'output');
    webhooks[type] = {
      post: {
        summary: `${type} message`,
        parameters: [
          'Verdict-Signature',
          'Verdict-Event',
          'Verdict-Idempotency-Key',
          'Verdict-Delivery',
          'Verdict-Attempt',
        ].map((name) => ({ name, in: 'header', required: true, schema: { type: 'string' } })),
        requestBody: { required: true, ...json(ref(`Webhook.${type}`)) },
        responses: { '2XX': { description: 'Received (any other answer is retried with back-off)' } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Verdict integration API', version: '1', description: DESCRIPTION },
    servers: [{ url: '/' }],
    tags: [
      { name: 'intake', description: 'Reports and account-security alerts from the marketplace' },
      { name: 'appeals', description: 'Appeals from the merchant portal, and their status' },
      { name: 'enforcement', description: 'The enforcement outbox, pulled' },
    ],
    paths,
    webhooks,
    components: {
      schemas,
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            "An integration token (`npm run desk -- token add <name> --scope …`, or the admins' tokens page)",
        },
      },
    },
  };
}

/** The JSON Schema of one webhook payload type, standalone (with its own `$schema` and `$id`). */
export function webhookJsonSchema(type: string): JsonSchema | null {
  // Own keys only: `__proto__` or `constructor` from a URL must not reach the converter.
  if (!Object.hasOwn(WEBHOOK_PAYLOADS, type)) return null;
  const schema = WEBHOOK_PAYLOADS[type as keyof typeof WEBHOOK_PAYLOADS];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `/api/schemas/${type}.json`,
    title: `Verdict webhook: ${type}`,
    ...jsonSchemaOf(schema, 'output'),
  };
}
