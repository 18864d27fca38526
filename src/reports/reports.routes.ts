import type { FastifyInstance } from 'fastify';

/** The reporting API under /api/v1 (periods, templates, reports, indicators, targets). */
export async function reportRoutes(_app: FastifyInstance): Promise<void> {}
