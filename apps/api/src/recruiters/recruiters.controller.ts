import { Body, Controller, Get, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { SUPPLY_CHAIN_WRITERS } from '../common/roles.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import { CreateRecruiterDto } from './dto/create-recruiter.dto.js';
import { ListRecruitersQuery } from './dto/list-recruiters.query.js';
import { RECRUITER_CSV_COLUMNS, RecruiterPageResponse, RecruiterResponse } from './dto/recruiter.response.js';
import { UpdateRecruiterDto } from './dto/update-recruiter.dto.js';
import { RecruitersService } from './recruiters.service.js';

@ApiTags('recruiters')
@ApiProblemResponses()
@Controller('recruiters')
export class RecruitersController {
  constructor(private readonly recruiters: RecruitersService) {}

  @Post()
  @Roles(...SUPPLY_CHAIN_WRITERS)
  @ApiCreatedResponse({ type: RecruiterResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateRecruiterDto): Promise<RecruiterResponse> {
    return RecruiterResponse.fromEntity(await this.recruiters.create(principal, dto));
  }

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RecruiterPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListRecruitersQuery): Promise<Page<RecruiterResponse> | StreamableFile> {
    return listResponse(
      query,
      { page: () => this.recruiters.list(principal, query), all: () => this.recruiters.listAll(principal, query) },
      { toResponse: RecruiterResponse.fromEntity, csvName: 'recruiters', csvColumns: RECRUITER_CSV_COLUMNS },
    );
  }

  @Get(':id')
  @ApiOkResponse({ type: RecruiterResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<RecruiterResponse> {
    return RecruiterResponse.fromEntity(await this.recruiters.findOne(principal, id));
  }

  @Patch(':id')
  @Roles(...SUPPLY_CHAIN_WRITERS)
  @ApiOkResponse({ type: RecruiterResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: UpdateRecruiterDto): Promise<RecruiterResponse> {
    return RecruiterResponse.fromEntity(await this.recruiters.update(principal, id, dto));
  }
}
