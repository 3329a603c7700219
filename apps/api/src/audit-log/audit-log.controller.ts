import { Controller, Get, HttpCode, HttpStatus, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Role } from '@lantern/domain';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { AUDIT_EVENT_CSV_COLUMNS, AuditEventPageResponse, AuditEventResponse, AuditVerificationResponse } from './dto/audit-event.response.js';
import { ListAuditLogQuery } from './dto/list-audit-log.query.js';
import { AuditLogService } from './audit-log.service.js';

/** Who may read and verify the organisation's audit trail (procurement keys see business records only). */
export const AUDIT_LOG_READERS: Role[] = ['admin', 'compliance', 'auditor', 'regulator'];
/** Verification is a POST (it is not cacheable); regulator keys are read-only, so it is theirs only through GET of the log. */
export const AUDIT_LOG_VERIFIERS: Role[] = ['admin', 'compliance', 'auditor'];

@ApiTags('audit-log')
@ApiProblemResponses()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @Roles(...AUDIT_LOG_READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AuditEventPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListAuditLogQuery): Promise<Page<AuditEventResponse> | StreamableFile> {
    return listResponse(
      query,
      { page: () => this.auditLog.list(principal, query), all: () => this.auditLog.listAll(principal, query) },
      { toResponse: AuditEventResponse.fromEvent, csvName: 'audit-log', csvColumns: AUDIT_EVENT_CSV_COLUMNS },
    );
  }

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @Roles(...AUDIT_LOG_VERIFIERS)
  @ApiOperation({ summary: "Recompute the organisation's hash chain from its first event" })
  @ApiOkResponse({ type: AuditVerificationResponse })
  verify(@CurrentPrincipal() principal: Principal): Promise<AuditVerificationResponse> {
    return this.auditLog.verify(principal);
  }
}
