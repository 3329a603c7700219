import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lantern/platform';
import { OrganizationResponse } from './dto/organization.response.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('me')
  @ApiOperation({ summary: "The caller's own organisation" })
  @ApiOkResponse({ type: OrganizationResponse })
  async me(@CurrentPrincipal() principal: Principal): Promise<OrganizationResponse> {
    return OrganizationResponse.fromEntity(await this.organizations.findOwn(principal));
  }
}
