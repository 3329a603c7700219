import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '@lantern/domain';
import { CurrentPrincipal, ProblemResponse, Roles, type Principal } from '@lantern/platform';
import {
  ImportPageResponse,
  ImportResponse,
  ListImportsQuery,
  RejectionPageResponse,
  RejectionsQuery,
  UploadImportQuery,
  UploadImportResponse,
} from './dto/import.dto.js';
import { ImportsService } from './imports.service.js';

const IMPORTER_ROLES = ['admin', 'compliance', 'auditor'] as const;

function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @Roles(...IMPORTER_ROLES)
  @ApiOperation({
    summary: 'Upload a CSV or NDJSON file to import',
    description:
      'The body is the file itself (Content-Type text/csv, application/x-ndjson or application/jsonl; or application/octet-stream with ?format=), ' +
      'or multipart/form-data with a `file` part (and optional `kind`, `format` fields before it). The file is stored whole, then imported ' +
      'by a worker: poll GET /imports/{id}. Uploading the same file again for the same kind answers 200 with the earlier import and `duplicate: true`. ' +
      'Column templates: docs/import-templates.md.',
  })
  @ApiConsumes('text/csv', 'application/x-ndjson', 'application/jsonl', 'application/octet-stream', 'multipart/form-data')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: UploadImportResponse, description: 'Stored and queued' })
  @ApiOkResponse({ type: UploadImportResponse, description: 'The same file was imported before (duplicate: true)' })
  @ApiPayloadTooLargeResponse({ type: ProblemResponse, description: 'Larger than LANTERN_MAX_UPLOAD_BYTES; nothing was kept' })
  @ApiUnsupportedMediaTypeResponse({ type: ProblemResponse })
  async upload(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: UploadImportQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UploadImportResponse> {
    let result;
    try {
      result = await this.imports.upload(request, query, principal);
    } catch (err) {
      // The rest of a refused body is not worth reading: close the connection after the answer.
      if (isDomainError(err) && err.code === 'payload_too_large') reply.header('connection', 'close');
      throw err;
    }
    reply.status(result.duplicate ? 200 : 202);
    return Object.assign(ImportResponse.from(result.import), { duplicate: result.duplicate });
  }

  @Get()
  @ApiOperation({ summary: "The organisation's imports (oldest first), filtered by kind and status" })
  @ApiOkResponse({ type: ImportPageResponse })
  async list(@Query() query: ListImportsQuery, @CurrentPrincipal() principal: Principal): Promise<ImportPageResponse> {
    const page = await this.imports.list(principal, query);
    return { data: page.data.map((v) => ImportResponse.from(v)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'An import: status, row counts, progress, error' })
  @ApiOkResponse({ type: ImportResponse })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ImportResponse> {
    return ImportResponse.from(await this.imports.get(principal, id));
  }

  @Post(':id/retry')
  @HttpCode(202)
  @Roles(...IMPORTER_ROLES)
  @ApiOperation({
    summary: 'Run again an import that failed on infrastructure (database or queue outage, crash): same stored file, fresh attempts',
    description: '409 when the import did not fail, or failed because of its file (upload a corrected file instead).',
  })
  @ApiAcceptedResponse({ type: ImportResponse })
  async retry(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ImportResponse> {
    return ImportResponse.from(await this.imports.retry(principal, id));
  }

  @Get(':id/rejections')
  @ApiOperation({ summary: 'Why rows were rejected: line (the CSV header is line 1), field, reason; `?format=csv` downloads them all' })
  @ApiOkResponse({ type: RejectionPageResponse })
  @ApiProduces('application/json', 'text/csv')
  async rejections(
    @Param('id') id: string,
    @Query() query: RejectionsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RejectionPageResponse | StreamableFile> {
    if (query.format === 'csv') {
      const { view, stream } = await this.imports.rejectionsCsv(principal, id);
      return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: attachment(`${view.filename}.rejections.csv`) });
    }
    return this.imports.rejections(principal, id, { limit: query.limit, cursor: query.cursor });
  }

  @Get(':id/file')
  @Roles(...IMPORTER_ROLES)
  @ApiOperation({ summary: 'The original upload, byte for byte' })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async file(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const { view, stream } = await this.imports.file(principal, id);
    return new StreamableFile(stream, {
      type: view.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      disposition: attachment(view.filename),
      length: view.sizeBytes,
    });
  }
}
