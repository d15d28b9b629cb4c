import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { applyHttpServerLimits, httpServerLimits, type EnvironmentVariables } from '#config';
import { collectProcessMetrics, startMetricsServer, type MetricsServer } from '#observability';

/** Serves this worker's Prometheus registry at http://HOST:WORKER_METRICS_PORT/metrics. */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server: MetricsServer | null = null;

  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {}

  /** The port metrics are served on, once started. */
  get port(): number | null {
    return this.server?.port ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    collectProcessMetrics();
    const host = this.config.get('HOST', { infer: true });
    this.server = await startMetricsServer({
      port: this.config.get('WORKER_METRICS_PORT', { infer: true }),
      host,
      beforeListen: (server) => applyHttpServerLimits(server, httpServerLimits(this.config)),
    });
    this.logger.log(`metrics at http://${host}:${this.server.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }
}
