import { Body, Controller, Get, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { SUPPLY_CHAIN_WRITERS } from '../common/roles.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import { CreateEngagementDto } from './dto/create-engagement.dto.js';
import { ENGAGEMENT_CSV_COLUMNS, EngagementPageResponse, EngagementResponse } from './dto/engagement.response.js';
import { ListEngagementsQuery } from './dto/list-engagements.query.js';
import { UpdateEngagementDto } from './dto/update-engagement.dto.js';
import { EngagementsService } from './engagements.service.js';

@ApiTags('engagements')
@ApiProblemResponses()
@Controller('engagements')
export class EngagementsController {
  constructor(private readonly engagements: EngagementsService) {}

  @Post()
  @Roles(...SUPPLY_CHAIN_WRITERS)
  @ApiCreatedResponse({ type: EngagementResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateEngagementDto): Promise<EngagementResponse> {
    return EngagementResponse.fromEntity(await this.engagements.create(principal, dto));
  }

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: EngagementPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListEngagementsQuery): Promise<Page<EngagementResponse> | StreamableFile> {
    return listResponse(
      query,
      { page: () => this.engagements.list(principal, query), all: () => this.engagements.listAll(principal, query) },
      { toResponse: EngagementResponse.fromEntity, csvName: 'engagements', csvColumns: ENGAGEMENT_CSV_COLUMNS },
    );
  }

  @Get(':id')
  @ApiOkResponse({ type: EngagementResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<EngagementResponse> {
    return EngagementResponse.fromEntity(await this.engagements.findOne(principal, id));
  }

  @Patch(':id')
  @Roles(...SUPPLY_CHAIN_WRITERS)
  @ApiOkResponse({ type: EngagementResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: UpdateEngagementDto): Promise<EngagementResponse> {
    return EngagementResponse.fromEntity(await this.engagements.update(principal, id, dto));
  }
}
