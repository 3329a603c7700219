import 'reflect-metadata';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  createValidationPipe,
  installRequestIdHeader,
  loadConfig,
  MetricsService,
  ProblemDetailsFilter,
  REQUEST_ID_SERVER_OPTIONS,
  strictJsonBodyParser,
} from '@lantern/platform';
import { AppModule } from './app.module.js';

/** Resources live under this prefix; health and metrics stay at the root for probes and scrapers. */
export const API_PREFIX = 'api/v1';
const UNPREFIXED_ROUTES = ['health/*path', 'metrics'];
const DOCS_PATH = 'api/docs';
const DOCS_JSON_PATH = 'api/docs-json';
/** Nest log levels from the most to the least verbose; LOG_LEVEL enables its level and every one after it. */
const LOG_LEVELS: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
/** JSON bodies are small records; only uploads (multipart, up to LANTERN_MAX_UPLOAD_BYTES) may be large. */
const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

function buildOpenApiDocument(app: NestFastifyApplication) {
  const config = new DocumentBuilder()
    .setTitle('Lantern API')
    .setDescription(
      'Supply-chain due diligence on forced labour. Authenticate with `Authorization: Bearer lnt_…`. ' +
        'Errors are application/problem+json; lists use cursor pagination (`limit`, `cursor` -> `nextCursor`); ' +
        'mutating POSTs accept an `Idempotency-Key` header.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key lnt_<prefix>_<secret>' })
    .addSecurityRequirements('bearer')
    .build();
  return SwaggerModule.createDocument(app, config);
}

export interface ApiAppOptions {
  /**
   * Serve the Swagger UI at /api/docs (default true; /api/docs-json is always
   * served). The e2e tests turn it off: the UI's static-file plugin needs an
   * ESM-only package that Jest cannot load on Node 20.
   */
  docsUi?: boolean;
}

/** The API application, configured but not listening (main.ts and the e2e tests call listen). */
export async function createApiApp(options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const adapter = new FastifyAdapter({
    bodyLimit: config.LANTERN_MAX_UPLOAD_BYTES,
    trustProxy: false,
    ...REQUEST_ID_SERVER_OPTIONS,
  });
  installRequestIdHeader(adapter.getInstance());
  // A JSON API: a text/plain body is an unsupported media type (415), not a string to validate.
  adapter.getInstance().removeContentTypeParser('text/plain');

  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { logger: LOG_LEVELS.slice(LOG_LEVELS.indexOf(config.LOG_LEVEL)) });
  const fastify = adapter.getInstance();
  app.useBodyParser(
    'application/json',
    { bodyLimit: JSON_BODY_LIMIT_BYTES },
    strictJsonBodyParser(fastify.getDefaultJsonParser('error', 'error') as Parameters<typeof strictJsonBodyParser>[0]),
  );
  app.get(MetricsService).installHttpMetrics(adapter.getInstance());
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  SwaggerModule.setup(DOCS_PATH, app, buildOpenApiDocument(app), { jsonDocumentUrl: DOCS_JSON_PATH, ui: options.docsUi ?? true });
  return app;
}
