import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository, type SelectQueryBuilder } from 'typeorm';
import { RecruiterEntity, RecruitmentEngagementEntity, SiteEntity } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { paginate, paginateAll, type Page, type Principal } from '@lantern/platform';
import { auditedCreate, auditedUpdate, findOwnedForUpdate } from '../common/audited-write.js';
import { definedOnly } from '../common/defined-only.js';
import { OwnedReferences } from '../common/owned-references.js';
import type { CreateEngagementDto } from './dto/create-engagement.dto.js';
import type { ListEngagementsQuery } from './dto/list-engagements.query.js';
import type { UpdateEngagementDto } from './dto/update-engagement.dto.js';

@Injectable()
export class EngagementsService {
  constructor(
    @InjectRepository(RecruitmentEngagementEntity) private readonly engagements: Repository<RecruitmentEngagementEntity>,
    private readonly references: OwnedReferences,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, dto: CreateEngagementDto): Promise<RecruitmentEngagementEntity> {
    const engagement = this.engagements.create({ ...definedOnly(dto), organizationId: principal.organizationId });
    await this.assertValid(principal, engagement, dto);
    return this.dataSource.transaction((em) => auditedCreate(em, principal, 'engagement', engagement));
  }

  async findOne(principal: Principal, id: string): Promise<RecruitmentEngagementEntity> {
    const engagement = await this.engagements.findOneBy({ id, organizationId: principal.organizationId });
    if (engagement === null) throw DomainError.notFound('engagement', id);
    return engagement;
  }

  async update(principal: Principal, id: string, dto: UpdateEngagementDto): Promise<RecruitmentEngagementEntity> {
    const changes = definedOnly(dto);
    return this.dataSource.transaction(async (em) => {
      const engagement = await findOwnedForUpdate(em, RecruitmentEngagementEntity, principal, id, 'engagement');
      return auditedUpdate(em, principal, 'engagement', engagement, async (e) => {
        Object.assign(e, changes);
        await this.assertValid(principal, e, changes);
      });
    });
  }

  list(principal: Principal, query: ListEngagementsQuery): Promise<Page<RecruitmentEngagementEntity>> {
    return paginate(this.filtered(principal, query), query);
  }

  listAll(principal: Principal, query: ListEngagementsQuery): AsyncIterable<RecruitmentEngagementEntity> {
    return paginateAll(this.filtered(principal, query));
  }

  /** Referenced recruiter and site belong to the caller; the period does not end before it starts. */
  private async assertValid(principal: Principal, engagement: RecruitmentEngagementEntity, sent: { recruiterId?: string; siteId?: string }): Promise<void> {
    if (sent.recruiterId !== undefined) await this.references.assertOwned(RecruiterEntity, principal.organizationId, 'recruiterId', sent.recruiterId, 'recruiter');
    if (sent.siteId !== undefined) await this.references.assertOwned(SiteEntity, principal.organizationId, 'siteId', sent.siteId, 'site');
    if (engagement.startsOn && engagement.endsOn && engagement.endsOn < engagement.startsOn) {
      throw DomainError.validation([{ field: 'endsOn', reason: 'must not be before startsOn' }]);
    }
  }

  private filtered(principal: Principal, query: ListEngagementsQuery): SelectQueryBuilder<RecruitmentEngagementEntity> {
    const qb = this.engagements.createQueryBuilder('engagement').where('engagement.organizationId = :organizationId', { organizationId: principal.organizationId });
    if (query.recruiterId !== undefined) qb.andWhere('engagement.recruiterId = :recruiterId', { recruiterId: query.recruiterId });
    if (query.siteId !== undefined) qb.andWhere('engagement.siteId = :siteId', { siteId: query.siteId });
    if (query.originCountry !== undefined) qb.andWhere('engagement.originCountry = :originCountry', { originCountry: query.originCountry });
    if (query.destinationCountry !== undefined) qb.andWhere('engagement.destinationCountry = :destinationCountry', { destinationCountry: query.destinationCountry });
    return qb;
  }
}
