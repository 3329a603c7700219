import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * Every setting Lantern reads, validated once at start-up. Nothing else in the
 * code base reads process.env.
 */
export class AppConfig {
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string;

  @IsString()
  @IsOptional()
  CHROMIUM_PATH: string = '/usr/bin/chromium';

  /** Secret for worker pseudonyms and testimony encryption; `k2:new,k1:old` rotates keys. */
  @IsString()
  @MinLength(16, { message: 'LANTERN_SECRET_KEY must be at least 16 characters' })
  LANTERN_SECRET_KEY: string;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '127.0.0.1';

  /** Largest accepted upload, in bytes (default 512 MiB). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  LANTERN_MAX_UPLOAD_BYTES: number = 512 * 1024 * 1024;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  LANTERN_WORKER_CONCURRENCY: number = 2;

  /**
   * How long a worker's lock on a running job lasts (ms). The worker renews it
   * every half of this while the job runs; when the worker dies, the job is
   * handed to another worker once the lock has expired and a stalled-job check
   * has seen it (so within LANTERN_JOB_LOCK_MS + LANTERN_STALLED_CHECK_MS).
   * Shorter means faster recovery, but a job whose process blocks its event
   * loop longer than this would be taken over while still running (the import
   * and scoring runs hold database locks against that).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  LANTERN_JOB_LOCK_MS: number = 30_000;

  /** How often (ms) each worker looks for stalled jobs (expired locks) and puts them back in their queue. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(3_600_000)
  LANTERN_STALLED_CHECK_MS: number = 30_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  LANTERN_DB_POOL: number = 10;

  /**
   * How long an API instance trusts an authenticated API key before reading it
   * from PostgreSQL again (ms; 0 = every request). Revocations are announced
   * to every instance through Redis at once; this bounds the delay if that
   * announcement is lost.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  LANTERN_AUTH_CACHE_MS: number = 5_000;

  /** Redis key prefix of every BullMQ queue; isolates deployments (and test runs) sharing one Redis. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'LANTERN_QUEUE_PREFIX must be 1-64 letters, digits, _ or -' })
  LANTERN_QUEUE_PREFIX: string = 'lantern';

  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export class ConfigError extends Error {}

/** Validate an environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, defined, { excludeExtraneousValues: false });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
