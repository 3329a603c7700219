import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, ENTITIES } from '@lantern/database';
import { AppConfig } from '../config/app-config.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions({ url: config.DATABASE_URL, poolSize: config.LANTERN_DB_POOL, applicationName: 'lantern' }),
        // Keep retrying while PostgreSQL restarts instead of crashing the process.
        retryAttempts: 10,
        retryDelay: 1000,
      }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
