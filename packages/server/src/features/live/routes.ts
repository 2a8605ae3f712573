import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { chatRoutes } from './chat-routes';
import { ingestRoutes } from './ingest-routes';
import { lifecycleRoutes } from './lifecycle-routes';
import { moderationRoutes } from './moderation-routes';
import { recapRoutes } from './recap-routes';
import { sessionsRoutes } from './sessions-routes';
import { stageRoutes } from './stage-routes';
import { tokensRoutes } from './tokens-routes';
import { webhookRoutes } from './webhook-routes';

/** Everything under `/api/live`, one file per kind of operation. */
export const liveRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route('/', sessionsRoutes)
  .route('/', lifecycleRoutes)
  .route('/', recapRoutes)
  .route('/', tokensRoutes)
  .route('/', chatRoutes)
  .route('/', moderationRoutes)
  .route('/', stageRoutes)
  .route('/', ingestRoutes)
  .route('/', webhookRoutes);
