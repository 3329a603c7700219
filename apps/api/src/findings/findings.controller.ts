import { Body, Controller, Get, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { EVIDENCE_WRITERS } from '../common/roles.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import { CreateFindingDto } from './dto/create-finding.dto.js';
import { FINDING_CSV_COLUMNS, FindingPageResponse, FindingResponse } from './dto/finding.response.js';
import { ListFindingsQuery } from './dto/list-findings.query.js';
import { UpdateFindingDto } from './dto/update-finding.dto.js';
import { FindingsService } from './findings.service.js';

@ApiTags('findings')
@ApiProblemResponses()
@Controller('findings')
export class FindingsController {
  constructor(private readonly findings: FindingsService) {}

  @Post()
  @Roles(...EVIDENCE_WRITERS)
  @ApiCreatedResponse({ type: FindingResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateFindingDto): Promise<FindingResponse> {
    return FindingResponse.fromEntity(await this.findings.create(principal, dto));
  }

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: FindingPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListFindingsQuery): Promise<Page<FindingResponse> | StreamableFile> {
    return listResponse(
      query,
      { page: () => this.findings.list(principal, query), all: () => this.findings.listAll(principal, query) },
      { toResponse: FindingResponse.fromEntity, csvName: 'findings', csvColumns: FINDING_CSV_COLUMNS },
    );
  }

  @Get(':id')
  @ApiOkResponse({ type: FindingResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<FindingResponse> {
    return FindingResponse.fromEntity(await this.findings.findOne(principal, id));
  }

  @Patch(':id')
  @Roles(...EVIDENCE_WRITERS)
  @ApiOkResponse({ type: FindingResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: UpdateFindingDto): Promise<FindingResponse> {
    return FindingResponse.fromEntity(await this.findings.update(principal, id, dto));
  }
}
