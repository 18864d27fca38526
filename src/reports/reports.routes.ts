import type { FastifyInstance } from 'fastify';
import { Indicator, Template } from './catalog.schema.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { figureRoutes } from './figures.routes.ts';
import { fileRoutes } from './files.routes.ts';
import { periodRoutes } from './periods.routes.ts';
import { Period } from './periods.schema.ts';
import { reportApiRoutes } from './unit-reports.routes.ts';
import { reportReminderJob } from './reports.notifications.ts';
import { Report } from './reports.schema.ts';

/** The reporting API under /api/v1 (periods, templates, reports, indicators, targets). */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  app.addSchema(Indicator);
  app.addSchema(Template);
  app.addSchema(Period);
  app.addSchema(Report);
  app.jobs.add(
    reportReminderJob(app.db, app.config.mail.reminderEveryMs, app.config.mail.reportReminderDays),
  );
  await app.register(catalogRoutes);
  await app.register(periodRoutes);
  await app.register(reportApiRoutes);
  await app.register(figureRoutes);
  await app.register(fileRoutes);
}
