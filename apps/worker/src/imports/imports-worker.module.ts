import { Module } from '@nestjs/common';

/** Placeholder: the import processor is being written. */
@Module({})
export class ImportsWorkerModule {}
