import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { register } from 'prom-client';
import { Public } from '../auth/public.decorator.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';

/**
 * `GET /metrics` (no prefix, no token) in Prometheus' text format: this process's registry. Keep
 * it off the public internet (the ingress should not route it); Prometheus scrapes it directly.
 */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @ApiOperation({ summary: "This process's metrics, in Prometheus' text exposition format" })
  @ApiAnswers({ description: 'The metrics', content: { 'text/plain': { type: 'string' } } }, { 400: 'A query string no route can take (a NUL character, a lone surrogate)' })
  @Header('Content-Type', register.contentType)
  index(): Promise<string> {
    return register.metrics();
  }
}
