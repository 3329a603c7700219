import { Body, Controller, Get, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { EVIDENCE_WRITERS } from '../common/roles.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import { AuditsService } from './audits.service.js';
import { AUDIT_CSV_COLUMNS, AuditPageResponse, AuditResponse } from './dto/audit.response.js';
import { CreateAuditDto } from './dto/create-audit.dto.js';
import { ListAuditsQuery } from './dto/list-audits.query.js';
import { UpdateAuditDto } from './dto/update-audit.dto.js';

@ApiTags('audits')
@ApiProblemResponses()
@Controller('audits')
export class AuditsController {
  constructor(private readonly audits: AuditsService) {}

  @Post()
  @Roles(...EVIDENCE_WRITERS)
  @ApiCreatedResponse({ type: AuditResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateAuditDto): Promise<AuditResponse> {
    return AuditResponse.fromEntity(await this.audits.create(principal, dto));
  }

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AuditPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListAuditsQuery): Promise<Page<AuditResponse> | StreamableFile> {
    return listResponse(
      query,
      { page: () => this.audits.list(principal, query), all: () => this.audits.listAll(principal, query) },
      { toResponse: AuditResponse.fromEntity, csvName: 'audits', csvColumns: AUDIT_CSV_COLUMNS },
    );
  }

  @Get(':id')
  @ApiOkResponse({ type: AuditResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<AuditResponse> {
    return AuditResponse.fromEntity(await this.audits.findOne(principal, id));
  }

  @Patch(':id')
  @Roles(...EVIDENCE_WRITERS)
  @ApiOkResponse({ type: AuditResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: UpdateAuditDto): Promise<AuditResponse> {
    return AuditResponse.fromEntity(await this.audits.update(principal, id, dto));
  }
}
