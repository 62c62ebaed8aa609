/** The shape of a domain module as the composition root sees it. */
import type { FastifyInstance } from 'fastify';
import type { ErrorCatalogue } from '@jinke/core/common/errors.ts';
import type { Config } from './config.ts';
import type { PersonalDataCipher } from './crypto.ts';
import type { Database } from './db/index.ts';

export interface ModuleDeps {
  db: Database;
  config: Config;
  cipher: PersonalDataCipher;
  clock: () => Date;
}

export interface JinkeModule {
  name: string;
  errors?: ErrorCatalogue;
  /** Registers the module's routes; every route path starts with `/api/`. */
  routes(app: FastifyInstance, deps: ModuleDeps): void | Promise<void>;
}
