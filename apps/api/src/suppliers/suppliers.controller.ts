import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@lantern/platform';
import { ApiProblemResponses } from '../common/api-problem-responses.decorator.js';
import { listResponse } from '../common/list-response.js';
import { SUPPLY_CHAIN_WRITERS } from '../common/roles.js';
import { uuidParam } from '../common/uuid-param.pipe.js';
import { CreateSupplierDto } from './dto/create-supplier.dto.js';
import { ListSuppliersQuery } from './dto/list-suppliers.query.js';
import {
  SUPPLIER_CSV_COLUMNS,
  SubSupplierListResponse,
  SupplierPageResponse,
  SupplierResponse,
  SupplyLinkResponse,
} from './dto/supplier.response.js';
import { UpdateSupplierDto } from './dto/update-supplier.dto.js';
import { SuppliersService } from './suppliers.service.js';

@ApiTags('suppliers')
@ApiProblemResponses()
@Controller('suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Post()
  @Roles(...SUPPLY_CHAIN_WRITERS)
  @ApiCreatedResponse({ type: SupplierResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateSupplierDto): Promise<SupplierResponse> {
    return SupplierResponse.fromEntity(await this.suppliers.create(principal, dto));
  }

  @Get()
  @ApiOperation({ summary: 'List suppliers (cursor pages, or ?format=csv for every match)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: SupplierPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListSuppliersQuery): Promise<Page<SupplierResponse> | StreamableFile> {
    return listResponse(
      query,
      { page: () => this.suppliers.list(principal, query), all: () => this.suppliers.listAll(principal, query) },
      { toResponse: SupplierResponse.fromEntity, csvName: 'suppliers', csvColumns: SUPPLIER_CSV_COLUMNS },
    );
  }

  @Get(':id')
  @ApiOkResponse({ type: SupplierResponse })
  async findOne(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<SupplierResponse> {
    return SupplierResponse.fromEntity(await this.suppliers.findOne(principal, id));
  }

  @Patch(':id')
  @Roles(...SUPPLY_CHAIN_WRITERS)
  @ApiOkResponse({ type: SupplierResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string, @Body() dto: UpdateSupplierDto): Promise<SupplierResponse> {
    return SupplierResponse.fromEntity(await this.suppliers.update(principal, id, dto));
  }

  @Get(':id/sub-suppliers')
  @ApiOperation({ summary: 'Suppliers that sell to this supplier (one tier down)' })
  @ApiOkResponse({ type: SubSupplierListResponse })
  async subSuppliers(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam()) id: string): Promise<SubSupplierListResponse> {
    const rows = await this.suppliers.subSuppliers(principal, id);
    return { data: rows.map(({ link, supplier }) => ({ link: SupplyLinkResponse.fromEntity(link), supplier: SupplierResponse.fromEntity(supplier) })) };
  }

  @Put(':id/buyers/:buyerId')
  @Roles(...SUPPLY_CHAIN_WRITERS)
  @ApiOperation({ summary: 'Record that this supplier sells to buyerId (idempotent)' })
  @ApiOkResponse({ type: SupplyLinkResponse })
  async linkBuyer(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('buyerId', uuidParam('buyerId')) buyerId: string,
  ): Promise<SupplyLinkResponse> {
    return SupplyLinkResponse.fromEntity(await this.suppliers.linkBuyer(principal, id, buyerId));
  }

  @Delete(':id/buyers/:buyerId')
  @Roles(...SUPPLY_CHAIN_WRITERS)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  async unlinkBuyer(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('buyerId', uuidParam('buyerId')) buyerId: string,
  ): Promise<void> {
    await this.suppliers.unlinkBuyer(principal, id, buyerId);
  }
}
