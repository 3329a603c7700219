import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@lantern/platform';
import { LEGAL_GROUNDS } from '@lantern/screening';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import { BLOCK_WRITERS, BlocksService, type BlockMove } from './blocks.service.js';
import {
  ActivateBlockDto,
  AmendPeriodDto,
  AppealDecisionDto,
  AppealDto,
  DecisionDto,
  ListBlocksQuery,
  ProposeBlockDto,
  ReviewSelfCleaningDto,
  SelfCleaningDto,
} from './dto/block.dto.js';
import { AppealResponse, BLOCK_CSV_COLUMNS, BlockPageResponse, BlockResponse, BlockTransitionResponse, SelfCleaningResponse } from './dto/block.response.js';

@ApiTags('blocks')
@ApiProblemResponses()
@Controller('blocks')
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  private view(principal: Principal) {
    const today = this.blocks.today();
    return (e: Parameters<typeof BlockResponse.fromEntity>[0]) => BlockResponse.fromEntity(e, principal.organizationId, today);
  }

  @Get('legal-grounds')
  @ApiOperation({ summary: 'Legal grounds a block can rest on, with the date the period runs from and default and maximum durations' })
  legalGrounds(): unknown {
    return Object.entries(LEGAL_GROUNDS).map(([code, g]) => ({ code, ...g }));
  }

  @Post()
  @Roles(...BLOCK_WRITERS)
  @ApiOperation({ summary: 'Propose a block (by hand, for a supplier, or from a block recommendation); the period is checked against the ground' })
  @ApiCreatedResponse({ type: BlockResponse })
  async propose(@CurrentPrincipal() principal: Principal, @Body() dto: ProposeBlockDto): Promise<BlockResponse> {
    return this.view(principal)(await this.blocks.propose(principal, dto));
  }

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: "Your blocks, and (procurement authorities, regulators) the blocks published in your jurisdiction" })
  @ApiOkResponse({ type: BlockPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListBlocksQuery): Promise<Page<BlockResponse> | StreamableFile> {
    return listResponse(
      query,
      { page: () => this.blocks.list(principal, query), all: () => this.blocks.listAll(principal, query) },
      { toResponse: this.view(principal), csvName: 'blocks', csvColumns: BLOCK_CSV_COLUMNS },
    );
  }

  @Get(':id')
  @ApiOkResponse({ type: BlockResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<BlockResponse> {
    const d = await this.blocks.detail(principal, id);
    return Object.assign(this.view(principal)(d.block), {
      transitions: d.transitions.map(BlockTransitionResponse.fromEntity),
      selfCleaning: d.selfCleaning.map(SelfCleaningResponse.fromEntity),
      appeals: d.appeals.map(AppealResponse.fromEntity),
    });
  }

  @Get(':id/transitions')
  @ApiOkResponse({ type: [BlockTransitionResponse] })
  async transitions(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<BlockTransitionResponse[]> {
    return (await this.blocks.detail(principal, id)).transitions.map(BlockTransitionResponse.fromEntity);
  }

  private async move(principal: Principal, id: string, action: BlockMove, dto: DecisionDto): Promise<BlockResponse> {
    return this.view(principal)(await this.blocks.move(principal, id, action, dto));
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles(...BLOCK_WRITERS)
  @ApiOkResponse({ type: BlockResponse })
  activate(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: ActivateBlockDto): Promise<BlockResponse> {
    return this.move(principal, id, 'activate', dto);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles(...BLOCK_WRITERS)
  @ApiOkResponse({ type: BlockResponse })
  suspend(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: DecisionDto): Promise<BlockResponse> {
    return this.move(principal, id, 'suspend', dto);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...BLOCK_WRITERS)
  @ApiOkResponse({ type: BlockResponse })
  resume(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: DecisionDto): Promise<BlockResponse> {
    return this.move(principal, id, 'resume', dto);
  }

  @Post(':id/lift')
  @HttpCode(200)
  @Roles(...BLOCK_WRITERS)
  @ApiOkResponse({ type: BlockResponse })
  lift(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: DecisionDto): Promise<BlockResponse> {
    return this.move(principal, id, 'lift', dto);
  }

  @Patch(':id/period')
  @Roles(...BLOCK_WRITERS)
  @ApiOperation({ summary: "Change the block's last day (never beyond the ground's maximum)" })
  @ApiOkResponse({ type: BlockResponse })
  async amend(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: AmendPeriodDto): Promise<BlockResponse> {
    return this.view(principal)(await this.blocks.amendPeriod(principal, id, dto));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles(...BLOCK_WRITERS)
  @ApiOperation({ summary: 'Publish a jurisdiction-scope block: every procurement authority and regulator of the jurisdiction sees it and screens against it' })
  @ApiOkResponse({ type: BlockResponse })
  async publish(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: DecisionDto): Promise<BlockResponse> {
    return this.view(principal)(await this.blocks.publish(principal, id, dto, true));
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @Roles(...BLOCK_WRITERS)
  @ApiOkResponse({ type: BlockResponse })
  async unpublish(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: DecisionDto): Promise<BlockResponse> {
    return this.view(principal)(await this.blocks.publish(principal, id, dto, false));
  }

  @Post(':id/self-cleaning')
  @Roles(...BLOCK_WRITERS)
  @ApiOperation({ summary: 'Record self-cleaning evidence (Art. 57(6)); refused during a court-imposed exclusion period' })
  @ApiCreatedResponse({ type: SelfCleaningResponse })
  async selfCleaning(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: SelfCleaningDto): Promise<SelfCleaningResponse> {
    return SelfCleaningResponse.fromEntity(await this.blocks.submitSelfCleaning(principal, id, dto));
  }

  @Post(':id/self-cleaning/:submissionId/review')
  @HttpCode(200)
  @Roles(...BLOCK_WRITERS)
  @ApiOperation({ summary: 'Accept (and by default lift the block early) or reject a self-cleaning submission, with a statement of reasons' })
  @ApiOkResponse({ type: BlockResponse })
  async review(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('submissionId', uuidParam('submissionId')) submissionId: string,
    @Body() dto: ReviewSelfCleaningDto,
  ): Promise<BlockResponse> {
    const r = await this.blocks.reviewSelfCleaning(principal, id, submissionId, dto);
    return Object.assign(this.view(principal)(r.block), { selfCleaning: [SelfCleaningResponse.fromEntity(r.submission)] });
  }

  @Post(':id/appeals')
  @Roles(...BLOCK_WRITERS)
  @ApiCreatedResponse({ type: AppealResponse })
  async appeal(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: AppealDto): Promise<AppealResponse> {
    return AppealResponse.fromEntity(await this.blocks.fileAppeal(principal, id, dto));
  }

  @Post(':id/appeals/:appealId/decision')
  @HttpCode(200)
  @Roles(...BLOCK_WRITERS)
  @ApiOperation({ summary: 'Record the outcome of an appeal; an upheld appeal lifts the block' })
  @ApiOkResponse({ type: BlockResponse })
  async decideAppeal(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('appealId', uuidParam('appealId')) appealId: string,
    @Body() dto: AppealDecisionDto,
  ): Promise<BlockResponse> {
    const r = await this.blocks.decideAppeal(principal, id, appealId, dto);
    return Object.assign(this.view(principal)(r.block), { appeals: [AppealResponse.fromEntity(r.appeal)] });
  }
}
