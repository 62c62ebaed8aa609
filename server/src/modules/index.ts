/** Every domain module, in registration order. A module's index.ts is the only file others may import. */
import type { JinkeModule } from '../platform/module.ts';
import { accountsModule } from './accounts/index.ts';
import { auditModule } from './audit/index.ts';
import { cultivationModule } from './cultivation/index.ts';
import { drawsModule } from './draws/index.ts';
import { fundsModule } from './funds/index.ts';
import { healthModule } from './health/index.ts';
import { indicatorsModule } from './indicators/index.ts';
import { linkageModule } from './linkage/index.ts';
import { noticesModule } from './notices/index.ts';
import { programmesModule } from './programmes/index.ts';
import { registryModule } from './registry/index.ts';
import { reviewsModule } from './reviews/index.ts';

export const modules: JinkeModule[] = [healthModule, accountsModule, registryModule, cultivationModule, drawsModule, indicatorsModule, linkageModule, programmesModule, reviewsModule, noticesModule, fundsModule, auditModule];
