import { Module } from '@nestjs/common';
import { DatabaseModule } from '@lantern/platform';
import { FindingsController } from './findings.controller.js';
import { FindingsService } from './findings.service.js';

@Module({
  imports: [DatabaseModule],
  controllers: [FindingsController],
  providers: [FindingsService],
})
export class FindingsModule {}
