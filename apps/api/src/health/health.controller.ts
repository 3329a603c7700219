import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { Public, REDIS_CLIENT } from '@lantern/platform';

/** A dependency that does not answer within this time counts as down. */
const DEPENDENCY_TIMEOUT_MS = 1500;

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** PostgreSQL and Redis both answer; 503 (problem+json naming what is down) otherwise. */
  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database').withTimeout(DEPENDENCY_TIMEOUT_MS),
        () => this.indicators.check('redis').attempt(() => this.redis.ping().then(() => undefined)).withTimeout(DEPENDENCY_TIMEOUT_MS),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const down = Object.keys((error.getResponse() as HealthCheckResult).error ?? {});
      throw new ServiceUnavailableException(`Not ready: ${down.join(', ')} unavailable`);
    }
  }
}
