import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, PageQuery, Roles, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import {
  CreateExclusionListDto,
  EntryPageResponse,
  ExclusionListPageResponse,
  ExclusionListResponse,
  ListEntriesQuery,
  SnapshotPageResponse,
  SnapshotResponse,
  UploadSnapshotQuery,
  UploadSnapshotResponse,
} from './dto/exclusion-list.dto.js';
import { ExclusionListsService } from './exclusion-lists.service.js';

/** Who may create lists and load their snapshots. */
const LIST_WRITERS = ['admin', 'compliance', 'procurement'] as const;

@ApiTags('exclusion-lists')
@ApiProblemResponses()
@Controller('exclusion-lists')
export class ExclusionListsController {
  constructor(private readonly lists: ExclusionListsService) {}

  @Post()
  @Roles(...LIST_WRITERS)
  @ApiOperation({ summary: 'Create a named exclusion list of your organisation (format, source, licence); load it with POST /exclusion-lists/{id}/snapshots' })
  @ApiCreatedResponse({ type: ExclusionListResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateExclusionListDto): Promise<ExclusionListResponse> {
    return ExclusionListResponse.fromEntity(await this.lists.create(principal, dto), null);
  }

  @Get()
  @ApiOperation({ summary: "Your organisation's lists and the platform-wide ones, with their current snapshot" })
  @ApiOkResponse({ type: ExclusionListPageResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<ExclusionListPageResponse> {
    const page = await this.lists.list(principal, query);
    const current = await this.lists.currentSnapshots(page.data);
    return { data: page.data.map((l) => ExclusionListResponse.fromEntity(l, current.get(l.id) ?? null)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: ExclusionListResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<ExclusionListResponse> {
    const list = await this.lists.findVisible(principal, id);
    return ExclusionListResponse.fromEntity(list, (await this.lists.currentSnapshots([list])).get(list.id) ?? null);
  }

  @Post(':id/snapshots')
  @Roles(...LIST_WRITERS)
  @ApiOperation({
    summary: 'Load a new edition of the list; it replaces the current snapshot atomically',
    description:
      "The body is the file in the list's format: FollowTheMoney JSON lines (application/x-ndjson), the SAM.gov exclusions extract (text/csv), " +
      'the World Bank debarred-firms API answer (application/json up to 1 MiB, or application/octet-stream), the CBP WRO/Findings CSV (text/csv, ' +
      'Latin-1 accepted), the UFLPA Entity List (the DHS page as text/html, or a CSV with Name of Entity, Effective Date, Section). ' +
      'Answers 201 with the new snapshot and its diff, or 200 with `duplicate: true` when the content equals the current snapshot. ' +
      'Earlier screenings and active suppliers are re-checked in the background (GET /screenings/changes).',
  })
  @ApiConsumes('text/csv', 'application/x-ndjson', 'application/json', 'text/html', 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: UploadSnapshotResponse })
  @ApiOkResponse({ type: UploadSnapshotResponse, description: 'Same content as the current snapshot: nothing loaded' })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Query() query: UploadSnapshotQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadSnapshotResponse> {
    const { snapshot, result } = await this.lists.upload(principal, id, request.body, query);
    reply.status(result.duplicate ? 200 : 201);
    return Object.assign(SnapshotResponse.fromEntity(snapshot), { duplicate: result.duplicate });
  }

  @Get(':id/snapshots')
  @ApiOkResponse({ type: SnapshotPageResponse })
  async snapshots(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Query() query: PageQuery): Promise<SnapshotPageResponse> {
    const page = await this.lists.listSnapshots(principal, id, query);
    return { data: page.data.map(SnapshotResponse.fromEntity), nextCursor: page.nextCursor };
  }

  @Get(':id/entries')
  @ApiOperation({ summary: 'Entries of the current snapshot; inForce is computed from their dates today' })
  @ApiOkResponse({ type: EntryPageResponse })
  entries(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Query() query: ListEntriesQuery): Promise<EntryPageResponse> {
    return this.lists.entries(principal, id, query);
  }
}
