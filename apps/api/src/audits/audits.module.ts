import { Module } from '@nestjs/common';
import { DatabaseModule } from '@lantern/platform';
import { AuditsController } from './audits.controller.js';
import { AuditsService } from './audits.service.js';

@Module({
  imports: [DatabaseModule],
  controllers: [AuditsController],
  providers: [AuditsService],
})
export class AuditsModule {}
