import express from 'express';
import { buildOpenApiDocument, webhookJsonSchema } from './openApi';

/** `GET /api/openapi.json` and `GET /api/schemas/<type>.json`: public, like any API reference. */
export function openApiRoutes(): express.Router {
  const routes = express.Router();
  // Built once, on first request: it depends only on the code.
  let document: string | undefined;
  routes.get('/api/openapi.json', (_req, res) => {
    document ??= JSON.stringify(buildOpenApiDocument());
    res.type('json').send(document);
  });
  routes.get('/api/schemas/:name.json', (req, res) => {
    const schema = webhookJsonSchema(String(req.params.name));
    if (schema) res.type('application/schema+json').send(JSON.stringify(schema));
    else res.status(404).json({ error: { code: 'NOT_FOUND', message: 'no such schema' } });
  });
  return routes;
}
