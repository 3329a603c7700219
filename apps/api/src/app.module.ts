import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import {
  AuthModule,
  ConfigModule,
  DatabaseModule,
  IdempotencyInterceptor,
  MetricsModule,
  QueueModule,
  RedisModule,
  WorkerPrivacyModule,
} from '@lantern/platform';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuditLogModule } from './audit-log/audit-log.module.js';
import { AuditsModule } from './audits/audits.module.js';
import { BlocksModule } from './blocks/blocks.module.js';
import { CommonModule } from './common/common.module.js';
import { EngagementsModule } from './engagements/engagements.module.js';
import { ExclusionListsModule } from './exclusion-lists/exclusion-lists.module.js';
import { FindingsModule } from './findings/findings.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { InterviewsModule } from './interviews/interviews.module.js';
import { MetricsEndpointModule } from './metrics/metrics-endpoint.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { RecruitersModule } from './recruiters/recruiters.module.js';
import { RiskModule } from './risk/risk.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { ScreeningCoreModule } from './screening/screening-core.module.js';
import { ScreeningModule } from './screening/screening.module.js';
import { SitesModule } from './sites/sites.module.js';
import { SuppliersModule } from './suppliers/suppliers.module.js';

@Module({
  imports: [
    // infrastructure
    ConfigModule,
    DatabaseModule,
    QueueModule,
    RedisModule,
    MetricsModule,
    AuthModule,
    WorkerPrivacyModule,
    CommonModule,
    // operations
    HealthModule,
    MetricsEndpointModule,
    // resources
    OrganizationsModule,
    ApiKeysModule,
    SuppliersModule,
    SitesModule,
    RecruitersModule,
    EngagementsModule,
    AuditsModule,
    FindingsModule,
    InterviewsModule,
    ImportsModule,
    RiskModule,
    AuditLogModule,
    // procurement screening and blocks
    ScreeningCoreModule,
    ExclusionListsModule,
    BlocksModule,
    ScreeningModule,
    ReportsModule,
  ],
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
})
export class AppModule {}
