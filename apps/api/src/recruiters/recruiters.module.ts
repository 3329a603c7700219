import { Module } from '@nestjs/common';
import { DatabaseModule } from '@lantern/platform';
import { RecruitersController } from './recruiters.controller.js';
import { RecruitersService } from './recruiters.service.js';

@Module({
  imports: [DatabaseModule],
  controllers: [RecruitersController],
  providers: [RecruitersService],
})
export class RecruitersModule {}
