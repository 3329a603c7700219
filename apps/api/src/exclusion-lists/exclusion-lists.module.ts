import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppConfig, DatabaseModule } from '@lantern/platform';
import { ExclusionListsController } from './exclusion-lists.controller.js';
import { ExclusionListsService } from './exclusion-lists.service.js';

/** Exclusion lists and their snapshots. */
@Module({
  imports: [DatabaseModule],
  controllers: [ExclusionListsController],
  providers: [ExclusionListsService],
})
export class ExclusionListsModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as unknown as FastifyAdapter | undefined;
    if (adapter === undefined) return;
    const fastify = adapter.getInstance();
    // The UFLPA Entity List is published as an HTML page. The other list media types (CSV, NDJSON,
    // octet-stream) are parsed as raw uploads by the imports module; JSON by the default parser.
    if (!fastify.hasContentTypeParser('text/html')) {
      fastify.addContentTypeParser('text/html', { parseAs: 'buffer', bodyLimit: this.config.LANTERN_MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
    }
  }
}
