import { Body, Controller, Get, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { EVIDENCE_WRITERS, TESTIMONY_READERS, WORKER_RECORD_READERS } from '../common/roles.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import { CreateInterviewDto } from './dto/create-interview.dto.js';
import { INTERVIEW_CSV_COLUMNS, InterviewPageResponse, InterviewResponse, TestimonyResponse } from './dto/interview.response.js';
import { ListInterviewsQuery } from './dto/list-interviews.query.js';
import { UpdateInterviewDto } from './dto/update-interview.dto.js';
import { InterviewsService } from './interviews.service.js';

@ApiTags('interviews')
@ApiProblemResponses()
@Controller('interviews')
export class InterviewsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Post()
  @Roles(...EVIDENCE_WRITERS)
  @ApiOperation({ summary: 'Record a worker interview (workerRef is pseudonymised, testimony encrypted)' })
  @ApiCreatedResponse({ type: InterviewResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateInterviewDto): Promise<InterviewResponse> {
    return InterviewResponse.fromEntity(await this.interviews.create(principal, dto));
  }

  @Get()
  @Roles(...WORKER_RECORD_READERS)
  @ApiOperation({ summary: 'Worker interviews (admin, compliance and auditor keys of the owning organisation only)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: InterviewPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListInterviewsQuery): Promise<Page<InterviewResponse> | StreamableFile> {
    return listResponse(
      query,
      { page: () => this.interviews.list(principal, query), all: () => this.interviews.listAll(principal, query) },
      { toResponse: InterviewResponse.fromEntity, csvName: 'interviews', csvColumns: INTERVIEW_CSV_COLUMNS },
    );
  }

  @Get(':id')
  @Roles(...WORKER_RECORD_READERS)
  @ApiOkResponse({ type: InterviewResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<InterviewResponse> {
    return InterviewResponse.fromEntity(await this.interviews.findOne(principal, id));
  }

  @Get(':id/testimony')
  @Roles(...TESTIMONY_READERS)
  @ApiOperation({ summary: 'Decrypted testimony (admin, compliance and auditor keys of the owning organisation only)' })
  @ApiOkResponse({ type: TestimonyResponse })
  async testimony(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<TestimonyResponse> {
    return { interviewId: id, testimony: await this.interviews.testimony(principal, id) };
  }

  @Patch(':id')
  @Roles(...EVIDENCE_WRITERS)
  @ApiOkResponse({ type: InterviewResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: UpdateInterviewDto): Promise<InterviewResponse> {
    return InterviewResponse.fromEntity(await this.interviews.update(principal, id, dto));
  }
}
