import { Module } from '@nestjs/common';
import { PdfRendererService } from './pdf-renderer.service.js';
import { ReportProcessor } from './report.processor.js';

/** The reports queue's processor and the process's warm Chromium. Needs ConfigModule, DatabaseModule and QueueModule in the application. */
@Module({
  providers: [PdfRendererService, ReportProcessor],
  exports: [PdfRendererService],
})
export class ReportsWorkerModule {}
