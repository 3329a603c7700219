import { Body, Controller, Delete, Get, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, NotReplayable, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import { ApiKeysService } from './api-keys.service.js';
import { API_KEY_CSV_COLUMNS, ApiKeyPageResponse, ApiKeyResponse, CreatedApiKeyResponse } from './dto/api-key.response.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';
import { ListApiKeysQuery } from './dto/list-api-keys.query.js';
import { UpdateApiKeyDto } from './dto/update-api-key.dto.js';

@ApiTags('api-keys')
@ApiProblemResponses()
@Roles('admin')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @NotReplayable()
  @ApiOperation({ summary: 'Issue an API key; the response carries the clear key, shown only this once' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    const { entity, key } = await this.apiKeys.create(principal, dto);
    return CreatedApiKeyResponse.withKey(entity, key);
  }

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ApiKeyPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListApiKeysQuery): Promise<Page<ApiKeyResponse> | StreamableFile> {
    return listResponse(
      query,
      { page: () => this.apiKeys.list(principal, query), all: () => this.apiKeys.listAll(principal, query) },
      { toResponse: ApiKeyResponse.fromEntity, csvName: 'api-keys', csvColumns: API_KEY_CSV_COLUMNS },
    );
  }

  @Get(':id')
  @ApiOkResponse({ type: ApiKeyResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<ApiKeyResponse> {
    return ApiKeyResponse.fromEntity(await this.apiKeys.findOne(principal, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ApiKeyResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: UpdateApiKeyDto): Promise<ApiKeyResponse> {
    return ApiKeyResponse.fromEntity(await this.apiKeys.update(principal, id, dto));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke the key at once; the record is kept (revokedAt)' })
  @ApiOkResponse({ type: ApiKeyResponse })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<ApiKeyResponse> {
    return ApiKeyResponse.fromEntity(await this.apiKeys.revoke(principal, id));
  }
}
