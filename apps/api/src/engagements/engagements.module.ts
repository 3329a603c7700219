import { Module } from '@nestjs/common';
import { DatabaseModule } from '@lantern/platform';
import { EngagementsController } from './engagements.controller.js';
import { EngagementsService } from './engagements.service.js';

@Module({
  imports: [DatabaseModule],
  controllers: [EngagementsController],
  providers: [EngagementsService],
})
export class EngagementsModule {}
