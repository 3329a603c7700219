import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ExportAuditInterceptor } from './export-audit.interceptor.js';
import { NonEmptyPatchInterceptor } from './non-empty-patch.interceptor.js';
import { OwnedReferences } from './owned-references.js';
import { ScoringTrigger } from './scoring-trigger.js';
import { ScoringProducerModule } from '@lantern/platform';

@Global()
@Module({
  imports: [ScoringProducerModule],
  providers: [OwnedReferences, ScoringTrigger, { provide: APP_INTERCEPTOR, useClass: NonEmptyPatchInterceptor }, { provide: APP_INTERCEPTOR, useClass: ExportAuditInterceptor }],
  exports: [OwnedReferences, ScoringTrigger],
})
export class CommonModule {}
