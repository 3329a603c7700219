import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OrganizationEntity } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import type { Principal } from '@lantern/platform';

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>) {}

  async findOwn(principal: Principal): Promise<OrganizationEntity> {
    const organization = await this.organizations.findOneBy({ id: principal.organizationId });
    if (organization === null) throw DomainError.notFound('organization', principal.organizationId);
    return organization;
  }
}
