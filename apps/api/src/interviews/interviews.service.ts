import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository, type SelectQueryBuilder } from 'typeorm';
import { AuditEntity, InterviewEntity, RecruiterEntity } from '@lantern/database';
import {
  DomainError,
  INTERVIEW_FIELD_DEFAULTS,
  screenFreeTextForIdentifiers,
  validateAnswers,
  validateFees,
  type FieldIssue,
  type TriAnswer,
} from '@lantern/domain';
import { paginate, paginateAll, WorkerPrivacy, type Page, type Principal } from '@lantern/platform';
import { auditedCreate, auditedUpdate, findOwnedForUpdate } from '../common/audited-write.js';
import { definedOnly } from '../common/defined-only.js';
import { OwnedReferences } from '../common/owned-references.js';
import { ScoringTrigger } from '../common/scoring-trigger.js';
import type { CreateInterviewDto } from './dto/create-interview.dto.js';
import type { ListInterviewsQuery } from './dto/list-interviews.query.js';
import type { UpdateInterviewDto } from './dto/update-interview.dto.js';

/** Values of the fields an interview may leave out: every closed question defaults to unknown, never to no. */
const INTERVIEW_DEFAULTS = { gender: 'undisclosed', ...INTERVIEW_FIELD_DEFAULTS } as const satisfies Partial<InterviewEntity>;

/** The parts of a request that need more than DTO validation. */
interface CheckedInput {
  fees?: unknown[];
  answers?: Record<string, unknown>;
  testimony?: string | null;
  referencesChanged: { auditOrSite: boolean; recruiterId?: string | null };
}

@Injectable()
export class InterviewsService {
  constructor(
    @InjectRepository(InterviewEntity) private readonly interviews: Repository<InterviewEntity>,
    @InjectRepository(AuditEntity) private readonly audits: Repository<AuditEntity>,
    private readonly references: OwnedReferences,
    private readonly privacy: WorkerPrivacy,
    private readonly scoring: ScoringTrigger,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, dto: CreateInterviewDto): Promise<InterviewEntity> {
    const { workerRef, fees, answers, testimony, ...fields } = definedOnly(dto);
    const interview = this.interviews.create({
      ...INTERVIEW_DEFAULTS,
      fees: [],
      answers: {},
      recruiterId: null,
      testimonyCiphertext: null,
      testimonyKeyId: null,
      ...fields,
      organizationId: principal.organizationId,
      workerPseudonym: this.privacy.pseudonym(principal.organizationId, dto.workerRef),
    });
    await this.applyChecked(principal, interview, { fees, answers, testimony, referencesChanged: { auditOrSite: true, recruiterId: fields.recruiterId } });
    const created = await this.dataSource.transaction(async (em) => {
      const saved = await auditedCreate(em, principal, 'interview', interview);
      await this.scoring.markSites(em, principal.organizationId, [saved.siteId], 'interview');
      return saved;
    });
    await this.scoring.sitesChanged(principal.organizationId, 'interview');
    return created;
  }

  async findOne(principal: Principal, id: string): Promise<InterviewEntity> {
    const interview = await this.interviews.findOneBy({ id, organizationId: principal.organizationId });
    if (interview === null) throw DomainError.notFound('interview', id);
    return interview;
  }

  async update(principal: Principal, id: string, dto: UpdateInterviewDto): Promise<InterviewEntity> {
    const { workerRef, fees, answers, testimony, ...fields } = definedOnly(dto);
    let recruiterChanged = false;
    const updated = await this.dataSource.transaction(async (em) => {
      const interview = await findOwnedForUpdate(em, InterviewEntity, principal, id, 'interview');
      const before = { siteId: interview.siteId, recruiterId: interview.recruiterId };
      const saved = await auditedUpdate(em, principal, 'interview', interview, async (i) => {
        Object.assign(i, fields);
        if (workerRef !== undefined) i.workerPseudonym = this.privacy.pseudonym(principal.organizationId, workerRef);
        await this.applyChecked(principal, i, {
          fees,
          answers,
          testimony,
          referencesChanged: { auditOrSite: fields.auditId !== undefined || fields.siteId !== undefined, recruiterId: fields.recruiterId },
        });
      });
      // A recruiter's risk spreads to every site it supplies: a changed recruiter needs a full re-score.
      recruiterChanged = saved.recruiterId !== before.recruiterId;
      await this.scoring.markSites(em, principal.organizationId, [before.siteId, saved.siteId], 'interview');
      return saved;
    });
    if (recruiterChanged) await this.scoring.organizationChanged(principal.organizationId, 'interview');
    else await this.scoring.sitesChanged(principal.organizationId, 'interview');
    return updated;
  }

  /** Decrypted testimony of one of the caller's interviews (null when none is on file). */
  async testimony(principal: Principal, id: string): Promise<string | null> {
    const interview = await this.interviews
      .createQueryBuilder('interview')
      .addSelect('interview.testimonyCiphertext')
      .where('interview.id = :id AND interview.organizationId = :organizationId', { id, organizationId: principal.organizationId })
      .getOne();
    if (interview === null) throw DomainError.notFound('interview', id);
    if (interview.testimonyCiphertext === null || interview.testimonyKeyId === null) return null;
    return this.privacy.decryptTestimony(interview.testimonyKeyId, interview.testimonyCiphertext);
  }

  list(principal: Principal, query: ListInterviewsQuery): Promise<Page<InterviewEntity>> {
    return paginate(this.filtered(principal, query), query);
  }

  listAll(principal: Principal, query: ListInterviewsQuery): AsyncIterable<InterviewEntity> {
    return paginateAll(this.filtered(principal, query));
  }

  /**
   * Validate what DTOs cannot (fees item by item, answers against the question
   * catalogue, the wage pair, testimony free of identifiers, references in the
   * caller's organisation) and apply it to `interview`. Reports every issue at once.
   */
  private async applyChecked(principal: Principal, interview: InterviewEntity, input: CheckedInput): Promise<void> {
    const issues: FieldIssue[] = [];

    if (input.fees !== undefined) {
      const fees = validateFees(input.fees);
      if (fees.value !== undefined) interview.fees = fees.value;
      issues.push(...fees.errors);
    }
    if (input.answers !== undefined) {
      const answerIssues = validateAnswers(input.answers);
      if (answerIssues.length === 0) interview.answers = input.answers as Record<string, TriAnswer>;
      issues.push(...answerIssues);
    }
    if ((interview.monthlyWageMinor ?? null) === null !== ((interview.wageCurrency ?? null) === null)) {
      issues.push({ field: interview.wageCurrency ? 'monthlyWageMinor' : 'wageCurrency', reason: 'monthlyWageMinor and wageCurrency go together: give both or neither' });
    }
    if (input.testimony !== undefined) issues.push(...this.applyTestimony(interview, input.testimony));
    issues.push(...(await this.referenceIssues(principal, interview, input.referencesChanged)));

    if (issues.length > 0) throw DomainError.validation(issues);
  }

  private applyTestimony(interview: InterviewEntity, testimony: string | null): FieldIssue[] {
    if (testimony === null) {
      Object.assign(interview, { testimonyCiphertext: null, testimonyKeyId: null });
      return [];
    }
    const identifiers = [...new Set(screenFreeTextForIdentifiers(testimony).map((m) => m.kind.replaceAll('_', ' ')))];
    if (identifiers.length > 0) {
      // The matches themselves are never echoed back.
      return [{ field: 'testimony', reason: `looks like it contains personal identifiers (${identifiers.join(', ')}); remove them` }];
    }
    const encrypted = this.privacy.encryptTestimony(testimony);
    Object.assign(interview, { testimonyCiphertext: encrypted.ciphertext, testimonyKeyId: encrypted.keyId });
    return [];
  }

  /** The audit and recruiter are the caller's, and the interview's site is the audited site. */
  private async referenceIssues(principal: Principal, interview: InterviewEntity, changed: CheckedInput['referencesChanged']): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    if (changed.auditOrSite) {
      const audit = await this.audits.findOneBy({ id: interview.auditId, organizationId: principal.organizationId });
      if (audit === null) issues.push({ field: 'auditId', reason: "does not reference one of your organisation's audits" });
      else if (audit.siteId !== interview.siteId) issues.push({ field: 'siteId', reason: 'must be the site of the audit' });
    }
    if (changed.recruiterId) {
      const issue = await this.references.issueIfNotOwned(RecruiterEntity, principal.organizationId, 'recruiterId', changed.recruiterId, 'recruiter');
      if (issue !== null) issues.push(issue);
    }
    return issues;
  }

  private filtered(principal: Principal, query: ListInterviewsQuery): SelectQueryBuilder<InterviewEntity> {
    const qb = this.interviews.createQueryBuilder('interview').where('interview.organizationId = :organizationId', { organizationId: principal.organizationId });
    if (query.siteId !== undefined) qb.andWhere('interview.siteId = :siteId', { siteId: query.siteId });
    if (query.auditId !== undefined) qb.andWhere('interview.auditId = :auditId', { auditId: query.auditId });
    if (query.recruiterId !== undefined) qb.andWhere('interview.recruiterId = :recruiterId', { recruiterId: query.recruiterId });
    if (query.originCountry !== undefined) qb.andWhere('interview.originCountry = :originCountry', { originCountry: query.originCountry });
    return qb;
  }
}
