import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PageQuery, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import { CreateReportDto, CreateReportShareDto } from './dto/create-report.dto.js';
import { ReportPageResponse, ReportResponse, ReportShareResponse } from './dto/report.response.js';
import { ReportsService } from './reports.service.js';

/** Who may request reports and share them. */
const REPORT_WRITERS = ['admin', 'compliance'] as const;

function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

@ApiTags('reports')
@ApiProblemResponses()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @HttpCode(202)
  @Roles(...REPORT_WRITERS)
  @ApiOperation({ summary: 'Request a report: rendered to PDF by the worker (poll GET /reports/:id for progress)' })
  @ApiAcceptedResponse({ type: ReportResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateReportDto): Promise<ReportResponse> {
    return ReportResponse.fromEntity(await this.reports.create(principal, dto));
  }

  @Get()
  @ApiOkResponse({ type: ReportPageResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<ReportResponse>> {
    const page = await this.reports.list(principal, query);
    return { data: page.data.map((r) => ReportResponse.fromEntity(r, r.organizationId !== principal.organizationId)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: ReportResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<ReportResponse> {
    const { report, shared } = await this.reports.access(principal, id);
    return ReportResponse.fromEntity(report, shared);
  }

  @Get(':id/pdf')
  @ApiOperation({ summary: 'The rendered PDF (409 until the report is completed)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async pdf(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<StreamableFile> {
    const { report, pdf } = await this.reports.pdf(principal, id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: attachment(`${report.type}-${report.periodStart}-${report.periodEnd}-${report.id.slice(0, 8)}.pdf`), length: pdf.length });
  }

  @Post(':id/shares')
  @Roles(...REPORT_WRITERS)
  @ApiOperation({ summary: 'Share this report with another organisation (e.g. a regulator): it may read the report and its PDF, nothing behind it' })
  @ApiCreatedResponse({ type: ReportShareResponse })
  async share(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: CreateReportShareDto): Promise<ReportShareResponse> {
    const s = await this.reports.share(principal, id, dto.organizationId);
    return { reportId: s.reportId, organizationId: s.organizationId, createdAt: s.createdAt.toISOString() };
  }

  @Get(':id/shares')
  @Roles(...REPORT_WRITERS)
  @ApiOkResponse({ type: [ReportShareResponse] })
  async shares(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<ReportShareResponse[]> {
    return (await this.reports.listShares(principal, id)).map((s) => ({ reportId: s.reportId, organizationId: s.organizationId, createdAt: s.createdAt.toISOString() }));
  }
}
