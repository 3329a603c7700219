import { Module } from '@nestjs/common';
import { DatabaseModule, ScoringProducerModule } from '@lantern/platform';
import { RemediationController, ScoringController, SubjectRiskController } from './risk.controller.js';
import { RemediationService } from './remediation.service.js';
import { RiskService } from './risk.service.js';
import { ScoringSettingsService } from './scoring-settings.service.js';

/**
 * Risk scoring in the API: assessments of suppliers, sites, recruiters and
 * (on demand) workers, the sorted risk list, scoring settings, re-scores,
 * remediation records, block recommendations and remediation items. The
 * scoring itself runs in the worker (apps/worker/src/scoring).
 */
@Module({
  imports: [DatabaseModule, ScoringProducerModule],
  controllers: [SubjectRiskController, ScoringController, RemediationController],
  providers: [RiskService, ScoringSettingsService, RemediationService],
})
export class RiskModule {}
