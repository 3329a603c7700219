import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { ScoringSettingsEntity } from '@lantern/database';
import { CLASSIFICATIONS, DEFAULT_SCORING_CONFIG, METHODOLOGY_VERSION, RULES, resolveConfig, type DeepPartial, type ScoringConfig } from '@lantern/scoring';
import { DOCUMENT_HOLDERS, DomainError, isDomainError, type FieldIssue } from '@lantern/domain';
import { AuditTrail, ScoringProducer, loadScoringSettings, queryFnOf, type Principal, type ScoringJobRef, type ScoringJobView } from '@lantern/platform';
import type { RescoreDto, ScoringSettingsResponse, UpdateScoringSettingsDto } from './dto/scoring.dto.js';

const RULE_IDS = new Set(RULES.map((r) => r.id));

/**
 * Check overrides against the shape of the configuration: every key must
 * exist in the defaults (rule weights: a rule id), numbers stay numbers,
 * booleans booleans, and the lists hold known rule ids, classifications or
 * document holders. resolveConfig then checks the ranges.
 */
export function overrideIssues(overrides: unknown, base: unknown = DEFAULT_SCORING_CONFIG, path = ''): FieldIssue[] {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return [{ field: path || 'overrides', reason: 'must be an object' }];
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const field = path ? `${path}.${key}` : key;
    if (path === 'ruleWeights') {
      if (!RULE_IDS.has(key)) issues.push({ field, reason: 'is not a rule id of the methodology' });
      else if (typeof value !== 'number') issues.push({ field, reason: 'must be a number' });
      continue;
    }
    const def = (base as Record<string, unknown>)[key];
    if (def === undefined) {
      issues.push({ field, reason: 'is not a setting of the methodology' });
    } else if (Array.isArray(def)) {
      const allowed: readonly string[] =
        field === 'thresholds.zeroToleranceRules' ? [...RULE_IDS] : field === 'thresholds.blockOnClassifications' ? CLASSIFICATIONS : field === 'documents.exemptHolders' ? DOCUMENT_HOLDERS : [];
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && allowed.includes(v))) {
        issues.push({ field, reason: `must be a list of: ${allowed.join(', ')}` });
      }
    } else if (typeof def === 'object' && def !== null) {
      issues.push(...overrideIssues(value, def, field));
    } else if (typeof value !== typeof def) {
      issues.push({ field, reason: `must be a ${typeof def}` });
    }
  }
  return issues;
}

@Injectable()
export class ScoringSettingsService {
  constructor(
    @InjectRepository(ScoringSettingsEntity) private readonly settings: Repository<ScoringSettingsEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: ScoringProducer,
  ) {}

  async get(principal: Principal): Promise<ScoringSettingsResponse> {
    const s = await loadScoringSettings(queryFnOf(this.dataSource), principal.organizationId);
    const row = await this.settings.findOneBy({ organizationId: principal.organizationId });
    return {
      overrides: s.overrides as Record<string, unknown>,
      sectorScores: s.sectorScores,
      version: s.version,
      config: s.config as unknown as Record<string, unknown>,
      methodologyVersion: METHODOLOGY_VERSION,
      updatedAt: row?.updatedAt ?? null,
    };
  }

  /** Replace the overrides (validated), then queue a full re-score under them. */
  async put(principal: Principal, dto: UpdateScoringSettingsDto): Promise<ScoringSettingsResponse> {
    if ((dto.overrides ?? null) === null && (dto.sectorScores ?? null) === null) {
      throw DomainError.validation([{ field: 'overrides', reason: 'give overrides, sectorScores or both (send {"overrides": {}} to return to the defaults)' }]);
    }
    const current = await this.settings.findOneBy({ organizationId: principal.organizationId });
    const overrides = dto.overrides ?? current?.configOverrides ?? {};
    const sectorScores = dto.sectorScores ?? current?.sectorScores ?? {};
    const issues = overrideIssues(overrides).map((i) => ({ ...i, field: `overrides.${i.field}`.replace(/^overrides\.overrides$/, 'overrides') }));
    for (const [sector, score] of Object.entries(sectorScores)) {
      if (sector.trim() === '' || sector.length > 100) issues.push({ field: `sectorScores.${sector}`, reason: 'sector names are 1-100 characters' });
      else if (typeof score !== 'number' || !(score >= 1 && score <= 4)) issues.push({ field: `sectorScores.${sector}`, reason: 'must be a number from 1 to 4' });
    }
    if (issues.length === 0) {
      try {
        resolveConfig(overrides as DeepPartial<ScoringConfig>);
      } catch (err) {
        if (isDomainError(err) && err.details) issues.push(...err.details.map((d) => ({ ...d, field: `overrides.${d.field}` })));
        else throw err;
      }
    }
    if (issues.length > 0) throw DomainError.validation(issues);
    await this.dataSource.transaction(async (em) => {
      const saved = await em.save(
        this.settings.create({
          organizationId: principal.organizationId,
          configOverrides: overrides,
          sectorScores: sectorScores as Record<string, number>,
          version: (current?.version ?? 0) + 1,
          updatedByKeyId: principal.apiKeyId,
          ...(current ? { createdAt: current.createdAt } : {}),
        }),
      );
      await AuditTrail.record(em, principal, {
        action: 'scoring_settings.updated',
        subjectType: 'scoring_settings',
        subjectId: principal.organizationId,
        before: current,
        after: saved,
      });
    });
    const rescore = await this.producer.requestFullRescore(principal.organizationId, { reason: 'settings' });
    return { ...(await this.get(principal)), rescore: { ...rescore } };
  }

  rescore(principal: Principal, dto: RescoreDto): Promise<ScoringJobRef> {
    return this.producer.requestFullRescore(principal.organizationId, { reason: 'manual', ...(dto.asOf ? { asOf: dto.asOf } : {}) });
  }

  async job(principal: Principal, jobId: string): Promise<ScoringJobView> {
    const view = await this.producer.getJob(principal.organizationId, jobId);
    if (view === null) throw DomainError.notFound('scoring job', jobId);
    return view;
  }
}
