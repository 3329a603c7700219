import { Global, Module } from '@nestjs/common';
import { OwnedReferences } from './owned-references.js';

@Global()
@Module({ providers: [OwnedReferences], exports: [OwnedReferences] })
export class CommonModule {}
