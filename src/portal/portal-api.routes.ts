import type { FastifyInstance } from 'fastify';

/** The portal's workspace API under /api/v1 (articles, categories, search for editors). */
export async function portalApiRoutes(_app: FastifyInstance): Promise<void> {}
