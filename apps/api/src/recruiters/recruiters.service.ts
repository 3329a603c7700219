import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { RecruiterEntity } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { paginate, paginateAll, type Page, type Principal } from '@lantern/platform';
import { definedOnly } from '../common/defined-only.js';
import { RECRUITER_DEFAULTS, type CreateRecruiterDto } from './dto/create-recruiter.dto.js';
import type { ListRecruitersQuery } from './dto/list-recruiters.query.js';
import type { UpdateRecruiterDto } from './dto/update-recruiter.dto.js';

@Injectable()
export class RecruitersService {
  constructor(@InjectRepository(RecruiterEntity) private readonly recruiters: Repository<RecruiterEntity>) {}

  create(principal: Principal, dto: CreateRecruiterDto): Promise<RecruiterEntity> {
    return this.recruiters.save(this.recruiters.create({ ...RECRUITER_DEFAULTS, ...definedOnly(dto), organizationId: principal.organizationId }));
  }

  async findOne(principal: Principal, id: string): Promise<RecruiterEntity> {
    const recruiter = await this.recruiters.findOneBy({ id, organizationId: principal.organizationId });
    if (recruiter === null) throw DomainError.notFound('recruiter', id);
    return recruiter;
  }

  async update(principal: Principal, id: string, dto: UpdateRecruiterDto): Promise<RecruiterEntity> {
    const recruiter = await this.findOne(principal, id);
    return this.recruiters.save(Object.assign(recruiter, definedOnly(dto)));
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
