import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository, type SelectQueryBuilder } from 'typeorm';
import { RecruiterEntity } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { paginate, paginateAll, type Page, type Principal } from '@lantern/platform';
import { auditedCreate, auditedUpdate, findOwnedForUpdate } from '../common/audited-write.js';
import { definedOnly } from '../common/defined-only.js';
import { RECRUITER_DEFAULTS, type CreateRecruiterDto } from './dto/create-recruiter.dto.js';
import type { ListRecruitersQuery } from './dto/list-recruiters.query.js';
import type { UpdateRecruiterDto } from './dto/update-recruiter.dto.js';
import { ScoringTrigger } from '../common/scoring-trigger.js';

@Injectable()
export class RecruitersService {
  constructor(
    @InjectRepository(RecruiterEntity) private readonly recruiters: Repository<RecruiterEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scoring: ScoringTrigger,
  ) {}

  create(principal: Principal, dto: CreateRecruiterDto): Promise<RecruiterEntity> {
    const recruiter = this.recruiters.create({ ...RECRUITER_DEFAULTS, ...definedOnly(dto), organizationId: principal.organizationId });
    return this.dataSource.transaction((em) => auditedCreate(em, principal, 'recruiter', recruiter));
  }

  async findOne(principal: Principal, id: string): Promise<RecruiterEntity> {
    const recruiter = await this.recruiters.findOneBy({ id, organizationId: principal.organizationId });
    if (recruiter === null) throw DomainError.notFound('recruiter', id);
    return recruiter;
  }

  async update(principal: Principal, id: string, dto: UpdateRecruiterDto): Promise<RecruiterEntity> {
    const changes = definedOnly(dto);
    const updated = await this.dataSource.transaction(async (em) => {
      const recruiter = await findOwnedForUpdate(em, RecruiterEntity, principal, id, 'recruiter');
      return auditedUpdate(em, principal, 'recruiter', recruiter, (r) => void Object.assign(r, changes));
    });
    // A recruiter's risk is propagated to every site it supplies.
    await this.scoring.organizationChanged(principal.organizationId, 'recruiter');
    return updated;
  }

  list(principal: Principal, query: ListRecruitersQuery): Promise<Page<RecruiterEntity>> {
    return paginate(this.filtered(principal, query), query);
  }

  listAll(principal: Principal, query: ListRecruitersQuery): AsyncIterable<RecruiterEntity> {
    return paginateAll(this.filtered(principal, query));
  }

  private filtered(principal: Principal, query: ListRecruitersQuery): SelectQueryBuilder<RecruiterEntity> {
    const qb = this.recruiters.createQueryBuilder('recruiter').where('recruiter.organizationId = :organizationId', { organizationId: principal.organizationId });
    if (query.country !== undefined) qb.andWhere('recruiter.country = :country', { country: query.country });
    if (query.licenceStatus !== undefined) qb.andWhere('recruiter.licenceStatus = :licenceStatus', { licenceStatus: query.licenceStatus });
    if (query.certification !== undefined) qb.andWhere(':certification = ANY(recruiter.certifications)', { certification: query.certification });
    return qb;
  }
}
