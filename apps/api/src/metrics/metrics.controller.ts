import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { register } from 'prom-client';
import { Public } from '../auth/public.decorator.js';

/**
 * `GET /metrics` (no prefix, no token) in Prometheus' text format: this process's registry. Keep
 * it off the public internet (the ingress should not route it); Prometheus scrapes it directly.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', register.contentType)
  index(): Promise<string> {
    return register.metrics();
  }
}
