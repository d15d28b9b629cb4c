import { ConfigService } from '@nestjs/config';
import { createApp } from './app.factory.js';
import type { EnvironmentVariables } from '#config';

const app = await createApp();
const config = app.get<ConfigService<EnvironmentVariables, true>>(ConfigService);
await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
