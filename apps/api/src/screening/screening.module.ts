import { Module } from '@nestjs/common';
import { DatabaseModule } from '@lantern/platform';
import { ScreeningController } from './screening.controller.js';
import { ScreeningService } from './screening.service.js';

/** POST/GET /screenings, adjudications, re-screening changes. The engine is ScreeningCoreModule's. */
@Module({
  imports: [DatabaseModule],
  controllers: [ScreeningController],
  providers: [ScreeningService],
})
export class ScreeningModule {}
