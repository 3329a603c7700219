import { Body, Controller, Get, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { SUPPLY_CHAIN_WRITERS } from '../common/roles.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import { CreateSiteDto } from './dto/create-site.dto.js';
import { ListSitesQuery } from './dto/list-sites.query.js';
import { SITE_CSV_COLUMNS, SitePageResponse, SiteResponse } from './dto/site.response.js';
import { UpdateSiteDto } from './dto/update-site.dto.js';
import { SitesService } from './sites.service.js';

@ApiTags('sites')
@ApiProblemResponses()
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Post()
  @Roles(...SUPPLY_CHAIN_WRITERS)
  @ApiCreatedResponse({ type: SiteResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateSiteDto): Promise<SiteResponse> {
    return SiteResponse.fromEntity(await this.sites.create(principal, dto));
  }

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: SitePageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListSitesQuery): Promise<Page<SiteResponse> | StreamableFile> {
    return listResponse(
      query,
      { page: () => this.sites.list(principal, query), all: () => this.sites.listAll(principal, query) },
      { toResponse: SiteResponse.fromEntity, csvName: 'sites', csvColumns: SITE_CSV_COLUMNS },
    );
  }

  @Get(':id')
  @ApiOkResponse({ type: SiteResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<SiteResponse> {
    return SiteResponse.fromEntity(await this.sites.findOne(principal, id));
  }

  @Patch(':id')
  @Roles(...SUPPLY_CHAIN_WRITERS)
  @ApiOkResponse({ type: SiteResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: UpdateSiteDto): Promise<SiteResponse> {
    return SiteResponse.fromEntity(await this.sites.update(principal, id, dto));
  }
}
