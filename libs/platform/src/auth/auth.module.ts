import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { ApiKeyAuthGuard } from './api-key-auth.guard.js';
import { AuthFailureLimiter } from './auth-failure-limiter.js';

/** Installs ApiKeyAuthGuard globally. Needs DatabaseModule and RedisModule in the application. */
@Module({
  providers: [ApiKeyAuthenticator, AuthFailureLimiter, { provide: APP_GUARD, useClass: ApiKeyAuthGuard }],
  exports: [AuthFailureLimiter, ApiKeyAuthenticator],
})
export class AuthModule {}
