import { Controller, DynamicModule, Get, Inject, Injectable, MiddlewareConsumer, Module, NestMiddleware, NestModule, OnApplicationBootstrap, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import { OutboxRelay } from '../events/outbox-relay';
import { traceContextMiddleware } from '../events/trace-context';
import { graphqlMetricsPlugin } from './graphql-metrics';
import { httpMetricsMiddleware } from './http-metrics';
import { metricsRequestHandler } from './metrics-endpoint';
import { registerServiceMetrics } from './service-metrics';

const METRICS_SERVICE = Symbol('METRICS_SERVICE');

/** GET /metrics on the service port; not GraphQL, so not behind the access guard (see metricsAccessAllowed). */
@Controller('metrics')
class MetricsController {
  private readonly handler = metricsRequestHandler();

  @Get()
  scrape(@Req() req: IncomingMessage, @Res() res: ServerResponse): void {
    this.handler(req, res);
  }
}

@Injectable()
class HttpMetricsMiddleware implements NestMiddleware {
  private readonly handle: ReturnType<typeof httpMetricsMiddleware>;
  constructor(@Inject(METRICS_SERVICE) service: string) {
    this.handle = httpMetricsMiddleware(service);
  }
  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    this.handle(req, res, next);
  }
}

/** The request's W3C traceparent becomes the trace context of its work (and of the events it appends). */
@Injectable()
class TraceContextMiddleware implements NestMiddleware {
  private readonly handle = traceContextMiddleware();
  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    this.handle(req, res, next);
  }
}

/** Found by @nestjs/apollo's plugin explorer, so the subgraph's GraphQL module needs no change. */
@Plugin()
class GraphQLMetricsPlugin implements ApolloServerPlugin {
  private readonly inner: ApolloServerPlugin;
  constructor(@Inject(METRICS_SERVICE) service: string) {
    this.inner = graphqlMetricsPlugin(service);
  }
  async requestDidStart(context: GraphQLRequestContext<Record<string, unknown>>): Promise<void | GraphQLRequestListener<Record<string, unknown>>> {
    return this.inner.requestDidStart?.(context);
  }
}

@Injectable()
class ServiceMetricsRegistration implements OnApplicationBootstrap {
  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(METRICS_SERVICE) private readonly service: string,
  ) {}

  onApplicationBootstrap(): void {
    const find = <T>(token: abstract new (...args: never[]) => T): T | undefined => {
      try {
        return this.moduleRef.get(token as never, { strict: false }) as T;
      } catch {
        return undefined;
      }
    };
    registerServiceMetrics(this.service, { dataSource: find(DataSource), relay: find(OutboxRelay) });
  }
}

/**
 * Prometheus metrics of one subgraph: GET /metrics, HTTP and GraphQL request metrics, database
 * pool, outbox and inbox. Imported by PlatformModule, so every service has it.
 */
@Module({})
export class MetricsModule implements NestModule {
  static forService(config: Pick<ServiceConfig, 'serviceName'>): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_SERVICE, useValue: config.serviceName }, HttpMetricsMiddleware, TraceContextMiddleware, GraphQLMetricsPlugin, ServiceMetricsRegistration],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware, TraceContextMiddleware).forRoutes('{*path}');
  }
}
