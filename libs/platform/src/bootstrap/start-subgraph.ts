import 'reflect-metadata';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ServiceConfig } from '../config/service-config';
import { ensureMysqlDatabase } from '../database/data-source-options';
import { createLogger, NestPinoLogger } from '../logging/logger';
import { gatewayCredentialMiddleware } from '../graphql/gateway-credential.middleware';
import { statementCountMiddleware } from '../database/statement-counter';
import { graphqlRequestSpanMiddleware } from '../telemetry/active-tracing';

/** Above the gateway's 2 MB client limit, so anything the gateway admitted reaches the subgraph. */
export const SUBGRAPH_BODY_LIMIT = '4mb';

export interface StartedSubgraph {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number, readonly variable: string) {
    super(`Port ${port} is already in use; set ${variable} to another port / 端口 ${port} 已被占用，请设置 ${variable} 换一个端口`);
  }
}

/** Boots one subgraph: its database, its GraphQL endpoint behind the gateway credential, /health. */
export async function startSubgraph(module: DynamicModule, config: ServiceConfig): Promise<StartedSubgraph> {
  const logger = createLogger(config.serviceName, config.logLevel);
  await ensureMysqlDatabase(config.databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: new NestPinoLogger(logger), abortOnError: false });
  // The gateway admits bodies up to 2 MB; what it forwards (query + variables) must fit here too,
  // or a large but legal upload turns into a subgraph 413 and an internal error at the gateway.
  app.useBodyParser('json', { limit: SUBGRAPH_BODY_LIMIT });
  app.use('/graphql', graphqlRequestSpanMiddleware(), gatewayCredentialMiddleware(config.internalSecret), statementCountMiddleware());
  app.enableShutdownHooks();
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(config.port, `${config.serviceName.toUpperCase()}_PORT`);
    }
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${config.host}:${address.port}/graphql`;
  logger.info({ url }, `${config.serviceName} subgraph listening`);
  return { app, url, close: () => app.close() };
}
