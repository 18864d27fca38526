import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../http/context.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import { DUE_SOON_DAYS } from './deadlines.ts';
import { overviewRoutes } from './overview.routes.ts';
import { reportAnswerRoutes } from './report-answers.routes.ts';
import { taskReminderJob } from './tasks.reminders.ts';
import * as tasks from './tasks.service.ts';
import {
  ChangeDeadlineBody,
  CreateTaskBody,
  FromMeetingBody,
  MeetingDirectiveList,
  Task,
  TaskList,
  TaskQuery,
  TaskTransitionBody,
  UpdateTaskBody,
} from './tasks.schema.ts';
import { taskUpdateRoutes } from './updates.routes.ts';

const tags = ['tasks'];

/** The task API under /api/v1: issuing (directly or from a meeting's directives), lists, states, deadlines. */
export async function taskRoutes(fastify: FastifyInstance): Promise<void> {
  // No addSchema here: a plugin that adds schemas gets Fastify's default validator, which drops
  // unknown fields silently instead of refusing them (src/http/validation.ts refuses them).
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  await app.register(overviewRoutes);
  await app.register(taskUpdateRoutes);
  await app.register(reportAnswerRoutes);
  app.jobs.add(taskReminderJob(db, app.config.mail.reminderEveryMs));

  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary:
          'Tasks the caller reads (convening side: all; lead and coordinating units: theirs)',
        description: `Filters: unitId (leads or coordinates), state (repeatable), meetingId (made from its directives), overdue, dueSoon (deadline today to ${DUE_SOON_DAYS} days ahead), deadlineFrom/deadlineTo. Soonest deadline first.`,
        querystring: TaskQuery,
        response: { 200: TaskList, ...errorResponses(400, 401) },
      },
    },
    async (request) => tasks.listTasks(db, ctxOf(request), request.query),
  );

  app.post(
    '/tasks',
    {
      schema: {
        tags,
        summary:
          "Issue a task directly (the convening unit's secretariat); source: a document or other",
        body: CreateTaskBody,
        response: { 201: Task, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const task = await db
        .transaction()
        .execute((trx) => tasks.createTask(trx, ctx, request.body));
      return reply.status(201).send(task);
    },
  );

  app.get(
    '/tasks/from-meeting/:id',
    {
      schema: {
        tags,
        summary: "A meeting's directives, each with the task made from it (if any)",
        params: IdParams,
        response: { 200: MeetingDirectiveList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => tasks.meetingDirectives(db, ctxOf(request), request.params.id),
  );

  app.post(
    '/tasks/from-meeting/:id',
    {
      schema: {
        tags,
        summary:
          "Issue tasks from a concluded meeting's directives (one or all), edited before issuing",
        description:
          'All or nothing. A directive already made into a task refuses the lot with 409 naming it.',
        params: IdParams,
        body: FromMeetingBody,
        response: { 201: TaskList, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const made = await db
        .transaction()
        .execute((trx) => tasks.createFromMeeting(trx, ctx, request.params.id, request.body));
      return reply.status(201).send(made);
    },
  );

  app.get(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'One task with its history of states and deadlines, overdue/dueSoon and actions',
        params: IdParams,
        response: { 200: Task, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => tasks.getTask(db, ctxOf(request), request.params.id),
  );

  app.put(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Edit an open task: title, details, lead and coordinating units, expected result',
        params: IdParams,
        body: UpdateTaskBody,
        response: { 200: Task, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => tasks.updateTask(trx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/tasks/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'start, report_done, resume (lead unit); accept, return (with a comment), cancel (with a reason) (secretariat)',
        params: IdParams,
        body: TaskTransitionBody,
        response: { 200: Task, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => tasks.transitionTask(trx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/tasks/:id/deadline',
    {
      schema: {
        tags,
        summary:
          "Move an open task's deadline (the old one kept in the history; extensions counted)",
        params: IdParams,
        body: ChangeDeadlineBody,
        response: { 200: Task, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => tasks.changeDeadline(trx, ctx, request.params.id, request.body));
    },
  );
}
