import { Module } from '@nestjs/common';
import { blobStoreProvider } from './blob-store.provider.js';
import { EvidenceController } from './evidence.controller.js';
import { KeptEvidence } from './kept-evidence.js';

@Module({ controllers: [EvidenceController], providers: [blobStoreProvider, KeptEvidence] })
export class EvidenceModule {}
