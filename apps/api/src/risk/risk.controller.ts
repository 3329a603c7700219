import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, type StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@lantern/domain';
import { API_PREFIX_PATH } from './risk.constants.js';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { WORKER_RECORD_READERS } from '../common/roles.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import {
  CreateRemediationRecordDto,
  ListRemediationRecordsQuery,
  REMEDIATION_RECORD_CSV_COLUMNS,
  RemediationRecordPageResponse,
  RemediationRecordResponse,
  VerifyRemediationRecordDto,
} from './dto/remediation.dto.js';
import { InterviewRiskQuery, ListBlockRecommendationsQuery, ListRemediationItemsQuery, ListRiskQuery, SubjectRiskQuery } from './dto/risk.query.js';
import {
  BLOCK_RECOMMENDATION_CSV_COLUMNS,
  BlockRecommendationPageResponse,
  BlockRecommendationResponse,
  InterviewRiskResponse,
  REMEDIATION_ITEM_CSV_COLUMNS,
  RISK_CSV_COLUMNS,
  RemediationItemPageResponse,
  RemediationItemResponse,
  RiskListItemResponse,
  RiskPageResponse,
  SubjectRiskResponse,
} from './dto/risk.response.js';
import { RescoreDto, RescoreResponse, ScoringJobResponse, ScoringSettingsResponse, UpdateScoringSettingsDto } from './dto/scoring.dto.js';
import { RemediationService } from './remediation.service.js';
import { RiskService } from './risk.service.js';
import { ScoringSettingsService } from './scoring-settings.service.js';

/** Who may change scoring settings and start re-scores. */
export const SCORING_ADMINS = ['admin', 'compliance'] as const;
/** Who may record and verify remediation of workers' cases. */
export const REMEDIATION_WRITERS = ['admin', 'compliance', 'auditor'] as const;

const SUBJECT_DESCRIPTION =
  'The current assessment with its explanation tree (methodology version, rule ids, evidence ids, weights, inputs), the block recommendations and ' +
  'remediation items it raised; `?history=true` adds the earlier assessments, newest first (they are never overwritten).';

@ApiTags('risk')
@ApiProblemResponses()
@Controller()
export class SubjectRiskController {
  constructor(private readonly risk: RiskService) {}

  @Get('suppliers/:id/risk')
  @ApiOperation({ summary: 'Risk of a supplier (roll-up of its sites and tiers below)', description: SUBJECT_DESCRIPTION })
  @ApiOkResponse({ type: SubjectRiskResponse })
  supplier(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Query() q: SubjectRiskQuery): Promise<SubjectRiskResponse> {
    return this.risk.subjectRisk(principal, 'supplier', id, q);
  }

  @Get('sites/:id/risk')
  @ApiOperation({ summary: 'Risk of a site (its interviewed workers, prior, recruiters)', description: SUBJECT_DESCRIPTION })
  @ApiOkResponse({ type: SubjectRiskResponse })
  site(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Query() q: SubjectRiskQuery): Promise<SubjectRiskResponse> {
    return this.risk.subjectRisk(principal, 'site', id, q);
  }

  @Get('recruiters/:id/risk')
  @ApiOperation({ summary: 'Risk of a recruiter (the workers it placed, across all sites)', description: SUBJECT_DESCRIPTION })
  @ApiOkResponse({ type: SubjectRiskResponse })
  recruiter(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Query() q: SubjectRiskQuery): Promise<SubjectRiskResponse> {
    return this.risk.subjectRisk(principal, 'recruiter', id, q);
  }

  @Get('interviews/:id/risk')
  @Roles(...WORKER_RECORD_READERS)
  @ApiOperation({
    summary: 'Worker-level assessment of one interview, computed on request',
    description: 'Indicators with rule ids, citations and evidence; the indicator-based Delphi classification (not a legal determination); scores; coverage. Admin, compliance and auditor keys of the owning organisation only.',
  })
  @ApiOkResponse({ type: InterviewRiskResponse })
  interview(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Query() q: InterviewRiskQuery): Promise<InterviewRiskResponse> {
    return this.risk.interviewRisk(principal, id, q.asOf);
  }

  @Get('risk')
  @ApiOperation({ summary: 'Current assessments, riskiest first (filters: subjectType, country, sector, band; `format=csv` exports every row)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RiskPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() q: ListRiskQuery): Promise<Page<RiskListItemResponse> | StreamableFile> {
    return listResponse(
      q,
      { page: () => this.risk.list(principal, q), all: () => this.risk.listAll(principal, q) },
      { toResponse: RiskListItemResponse.fromEntity, csvName: 'risk', csvColumns: RISK_CSV_COLUMNS },
    );
  }
}

const JOB_ID = /^[A-Za-z0-9_-]{1,200}$/;

@ApiTags('scoring')
@ApiProblemResponses()
@Controller('scoring')
export class ScoringController {
  constructor(private readonly settings: ScoringSettingsService) {}

  @Get('settings')
  @ApiOperation({ summary: 'Scoring settings of your organisation and the configuration in force' })
  @ApiOkResponse({ type: ScoringSettingsResponse })
  get(@CurrentPrincipal() principal: Principal): Promise<ScoringSettingsResponse> {
    return this.settings.get(principal);
  }

  @Put('settings')
  @Roles(...SCORING_ADMINS)
  @ApiOperation({ summary: 'Replace the overrides of the scoring configuration (validated) and queue a full re-score' })
  @ApiOkResponse({ type: ScoringSettingsResponse })
  put(@CurrentPrincipal() principal: Principal, @Body() dto: UpdateScoringSettingsDto): Promise<ScoringSettingsResponse> {
    return this.settings.put(principal, dto);
  }

  @Post('rescore')
  @Roles(...SCORING_ADMINS)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Queue a full re-score of your organisation (no body; `?asOf=YYYY-MM-DD` optional); follow it at statusUrl' })
  @ApiAcceptedResponse({ type: RescoreResponse })
  async rescore(@CurrentPrincipal() principal: Principal, @Query() query: RescoreDto): Promise<RescoreResponse> {
    const ref = await this.settings.rescore(principal, query);
    return { ...ref, statusUrl: `${API_PREFIX_PATH}/scoring/jobs/${ref.jobId}` };
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: 'State and progress of one of your organisation’s scoring jobs' })
  @ApiOkResponse({ type: ScoringJobResponse })
  job(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ScoringJobResponse> {
    if (!JOB_ID.test(id)) throw DomainError.validation([{ field: 'id', reason: 'is not a scoring job id' }]);
    return this.settings.job(principal, id);
  }
}

@ApiTags('remediation')
@ApiProblemResponses()
@Controller()
export class RemediationController {
  constructor(private readonly remediation: RemediationService) {}

  @Post('remediation/records')
  @Roles(...REMEDIATION_WRITERS)
  @ApiOperation({ summary: 'Record remediation of a worker’s case: fee repayment, documents returned, sponsorship transferred (counts once verified)' })
  @ApiCreatedResponse({ type: RemediationRecordResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateRemediationRecordDto): Promise<RemediationRecordResponse> {
    return RemediationRecordResponse.fromEntity(await this.remediation.create(principal, dto));
  }

  @Post('remediation/records/:id/verify')
  @Roles(...REMEDIATION_WRITERS)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Verify a remediation record (by another API key than the recorder’s) and queue a re-score of the worker’s site' })
  @ApiOkResponse({ type: RemediationRecordResponse })
  async verify(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: VerifyRemediationRecordDto): Promise<RemediationRecordResponse> {
    const { record, rescore } = await this.remediation.verify(principal, id, dto ?? {});
    return { ...RemediationRecordResponse.fromEntity(record), rescore: rescore ? { ...rescore } : null };
  }

  @Get('remediation/records')
  @Roles(...WORKER_RECORD_READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RemediationRecordPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() q: ListRemediationRecordsQuery): Promise<Page<RemediationRecordResponse> | StreamableFile> {
    return listResponse(
      q,
      { page: () => this.remediation.list(principal, q), all: () => this.remediation.listAll(principal, q) },
      { toResponse: RemediationRecordResponse.fromEntity, csvName: 'remediation-records', csvColumns: REMEDIATION_RECORD_CSV_COLUMNS },
    );
  }

  @Get('remediation/records/:id')
  @Roles(...WORKER_RECORD_READERS)
  @ApiOkResponse({ type: RemediationRecordResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<RemediationRecordResponse> {
    return RemediationRecordResponse.fromEntity(await this.remediation.findOne(principal, id));
  }

  @Get('remediation-items')
  @ApiOperation({ summary: 'What employers must put right (fees to repay per currency, documents to return, contracts to fix, sponsorship to release), from current assessments by default' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RemediationItemPageResponse })
  items(@CurrentPrincipal() principal: Principal, @Query() q: ListRemediationItemsQuery): Promise<Page<RemediationItemResponse> | StreamableFile> {
    return listResponse(
      q,
      { page: () => this.remediation.listItems(principal, q), all: () => this.remediation.listAllItems(principal, q) },
      { toResponse: RemediationItemResponse.fromEntity, csvName: 'remediation-items', csvColumns: REMEDIATION_ITEM_CSV_COLUMNS },
    );
  }

  @Get('block-recommendations')
  @ApiOperation({ summary: 'Blocks recommended because an assessment crossed your thresholds, from current assessments by default' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: BlockRecommendationPageResponse })
  blocks(@CurrentPrincipal() principal: Principal, @Query() q: ListBlockRecommendationsQuery): Promise<Page<BlockRecommendationResponse> | StreamableFile> {
    return listResponse(
      q,
      { page: () => this.remediation.listBlocks(principal, q), all: () => this.remediation.listAllBlocks(principal, q) },
      { toResponse: BlockRecommendationResponse.fromEntity, csvName: 'block-recommendations', csvColumns: BLOCK_RECOMMENDATION_CSV_COLUMNS },
    );
  }
}
