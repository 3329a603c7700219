import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { QueueModule } from '@lantern/platform';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';
import { installUploadParsers } from './upload-parsers.js';

/** POST /imports (store + enqueue), GET /imports[/:id[/rejections|/file]]. The processing is the worker's. */
@Module({
  imports: [QueueModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as unknown as FastifyAdapter | undefined;
    if (adapter === undefined) return;
    // Uploads are streamed, never buffered: raw bodies pass through, multipart via @fastify/multipart.
    installUploadParsers(adapter.getInstance());
    adapter.useMultipart();
  }
}
