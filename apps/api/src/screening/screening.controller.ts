import { Body, Controller, Get, HttpCode, Param, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PageQuery, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import { CreateAdjudicationDto, RevokeAdjudicationDto } from './dto/adjudication.dto.js';
import { CreateScreeningDto } from './dto/create-screening.dto.js';
import { ListChangesQuery, ListScreeningsQuery } from './dto/list-screenings.query.js';
import {
  AdjudicationPageResponse,
  AdjudicationResponse,
  SCREENING_CSV_COLUMNS,
  ScreeningAnswerResponse,
  ScreeningChangePageResponse,
  ScreeningChangeResponse,
  ScreeningPageResponse,
  ScreeningRecordResponse,
  ScreeningSummaryResponse,
} from './dto/screening.response.js';
import { ScreeningService, type ScreeningResult } from './screening.service.js';

/** Who may screen bids and adjudicate matches. */
export const SCREENERS = ['admin', 'compliance', 'procurement'] as const;

@ApiTags('screenings')
@ApiProblemResponses()
@Controller('screenings')
export class ScreeningController {
  constructor(private readonly screenings: ScreeningService) {}

  @Post()
  @Roles(...SCREENERS)
  @ApiOperation({
    summary: 'Screen a bid: the bidder, its declared subcontractors and recruiters',
    description:
      'Matches each party by identifiers (exact) and names (normalised, Soft TF-IDF with Jaro-Winkler) against your exclusion lists and the ' +
      'platform-wide ones, your blocks and the blocks published in your jurisdiction, and your supplier register (risk bands, block ' +
      'recommendations). Answers clear | review | blocked with every match, the reasons and the deciding rule. Every screening is stored.',
  })
  @ApiCreatedResponse({ type: ScreeningAnswerResponse })
  screen(@CurrentPrincipal() principal: Principal, @Body() dto: CreateScreeningDto): Promise<ScreeningResult> {
    return this.screenings.screen(principal, dto);
  }

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ScreeningPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListScreeningsQuery): Promise<Page<ScreeningSummaryResponse> | StreamableFile> {
    return listResponse(
      query,
      { page: () => this.screenings.list(principal, query), all: () => this.screenings.listAll(principal, query) },
      { toResponse: ScreeningSummaryResponse.fromEntity, csvName: 'screenings', csvColumns: SCREENING_CSV_COLUMNS },
    );
  }

  @Get('changes')
  @ApiOperation({ summary: 'What re-screening found after list snapshots or blocks changed (what changed, whom it touches)' })
  @ApiOkResponse({ type: ScreeningChangePageResponse })
  async changes(@CurrentPrincipal() principal: Principal, @Query() query: ListChangesQuery): Promise<ScreeningChangePageResponse> {
    const page = await this.screenings.listChanges(principal, query);
    return { data: page.data.map(ScreeningChangeResponse.fromEntity), nextCursor: page.nextCursor };
  }

  @Post('changes/:id/acknowledge')
  @HttpCode(200)
  @Roles(...SCREENERS)
  @ApiOkResponse({ type: ScreeningChangeResponse })
  async acknowledge(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<ScreeningChangeResponse> {
    return ScreeningChangeResponse.fromEntity(await this.screenings.acknowledgeChange(principal, id));
  }

  @Get('adjudications')
  @ApiOkResponse({ type: AdjudicationPageResponse })
  async adjudications(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<AdjudicationPageResponse> {
    const page = await this.screenings.listAdjudications(principal, query);
    return { data: page.data.map(AdjudicationResponse.fromEntity), nextCursor: page.nextCursor };
  }

  @Post('adjudications/:id/revoke')
  @HttpCode(200)
  @Roles(...SCREENERS)
  @ApiOkResponse({ type: AdjudicationResponse })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: RevokeAdjudicationDto): Promise<AdjudicationResponse> {
    return AdjudicationResponse.fromEntity(await this.screenings.revokeAdjudication(principal, id, dto.reason));
  }

  @Get(':id')
  @ApiOkResponse({ type: ScreeningRecordResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<ScreeningRecordResponse> {
    return ScreeningRecordResponse.fromRecord(await this.screenings.findOne(principal, id));
  }

  @Post(':id/adjudications')
  @Roles(...SCREENERS)
  @ApiOperation({ summary: 'Mark a match of this screening as a false positive; the pair is not raised again unless the record changes' })
  @ApiCreatedResponse({ type: AdjudicationResponse })
  async adjudicate(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: CreateAdjudicationDto): Promise<AdjudicationResponse> {
    return AdjudicationResponse.fromEntity(await this.screenings.adjudicate(principal, id, dto));
  }
}
