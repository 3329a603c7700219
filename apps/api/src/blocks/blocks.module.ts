import { Module } from '@nestjs/common';
import { DatabaseModule } from '@lantern/platform';
import { BlocksController } from './blocks.controller.js';
import { BlocksService } from './blocks.service.js';

/** Blocks: propose, activate, suspend, resume, lift, expire; period per legal ground; self-cleaning, appeals, publishing. */
@Module({
  imports: [DatabaseModule],
  controllers: [BlocksController],
  providers: [BlocksService],
})
export class BlocksModule {}
