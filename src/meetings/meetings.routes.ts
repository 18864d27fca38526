import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../db/schema.ts';
import { ctxOf } from '../http/context.ts';
import { languageOf } from '../http/i18n.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import { liveTopic } from '../live/bus.ts';
import * as agenda from './agenda.service.ts';
import * as attendance from './attendance.service.ts';
import * as conclusion from './conclusion.service.ts';
import * as meetings from './meetings.service.ts';
import * as minutes from './minutes.service.ts';
import * as running from './running.service.ts';
import { transitionMeeting } from './transitions.service.ts';
import {
  AnswerProposalBody,
  CreateMeetingBody,
  ExtraSpeakerBody,
  MeetingDefaults,
  MeetingDefaultsQuery,
  MeetingPeople,
  MeetingPeopleQuery,
  MeetingList,
  MeetingProposalParams,
  MeetingQuery,
  MeetingTransitionBody,
  MeetingUnitParams,
  MinutesConflict,
  RespondBody,
  SaveAgendaBody,
  SaveAttendanceBody,
  SaveConclusionBody,
  SaveMinutesBody,
  SendInvitationBody,
  SpeakerBody,
  UpdateMeetingBody,
} from './meetings.schema.ts';

const tags = ['meetings'];

/** The meeting API under /api/v1: planning, invitation, agenda, running, attendance, minutes, conclusion. */
export async function meetingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  /**
   * A change: one transaction, then the meeting's live topic, so the projector and the open
   * meeting pages of every instance read the new state.
   */
  async function change<T>(meetingId: number, work: (trx: Db) => Promise<T>): Promise<T> {
    const result = await db.transaction().execute(work);
    await app.live.publish(liveTopic.meeting(meetingId));
    return result;
  }

  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings the caller may read (the convening side, or an invited unit)',
        querystring: MeetingQuery,
        response: { 200: MeetingList, ...errorResponses(400, 401) },
      },
    },
    async (request) => meetings.listMeetings(db, ctxOf(request), request.query),
  );

  app.get(
    '/meetings/defaults',
    {
      schema: {
        tags,
        summary:
          "What a new meeting of the period gets: title, the convening unit's chair, the period's units in order",
        querystring: MeetingDefaultsQuery,
        response: { 200: MeetingDefaults, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => meetings.meetingDefaults(db, ctxOf(request), request.query.periodId),
  );

  app.get(
    '/meetings/people',
    {
      schema: {
        tags,
        summary:
          'Who may chair a meeting the unit convenes (chair in it or above) and be its secretary (secretariat)',
        querystring: MeetingPeopleQuery,
        response: { 200: MeetingPeople, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => meetings.meetingPeople(db, ctxOf(request), request.query.unitId),
  );

  app.post(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Plan a meeting of an open period (its default agenda is built from the units)',
        body: CreateMeetingBody,
        response: { 201: Type.Ref('Meeting'), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const lang = languageOf(request);
      const meeting = await db
        .transaction()
        .execute((trx) => meetings.createMeeting(trx, ctx, request.body, lang));
      await app.live.publish(liveTopic.meeting(meeting.id));
      return reply.status(201).send(meeting);
    },
  );

  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary:
          'One meeting: time, place, chair, invited units with their answers, guests, actions',
        params: IdParams,
        response: { 200: Type.Ref('Meeting'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      meetings.getMeeting(db, ctxOf(request), request.params.id, languageOf(request)),
  );

  app.put(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary:
          'Change a planned meeting (the fields given); while it runs only warningSeconds changes',
        params: IdParams,
        body: UpdateMeetingBody,
        response: { 200: Type.Ref('Meeting'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id } = request.params;
      return change(id, (trx) =>
        meetings.updateMeeting(trx, ctx, id, request.body, languageOf(request)),
      );
    },
  );

  app.post(
    '/meetings/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'Start (freezes the compiled summary), cancel (with a reason) or conclude (locks minutes and attendance)',
        params: IdParams,
        body: MeetingTransitionBody,
        response: { 200: Type.Ref('Meeting'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id } = request.params;
      return change(id, (trx) =>
        transitionMeeting(trx, ctx, id, request.body, languageOf(request)),
      );
    },
  );

  app.post(
    '/meetings/:id/invitation',
    {
      schema: {
        tags,
        summary:
          'Send the invitation in the workspace; warns when fewer than 3 working days remain',
        params: IdParams,
        body: SendInvitationBody,
        response: { 200: Type.Ref('Meeting'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id } = request.params;
      return change(id, (trx) =>
        meetings.sendInvitation(trx, ctx, id, request.body, languageOf(request)),
      );
    },
  );

  app.put(
    '/meetings/:id/units/:unitId/response',
    {
      schema: {
        tags,
        summary:
          'An invited unit confirms who attends (its head or a named delegate) or declines with a reason',
        params: MeetingUnitParams,
        body: RespondBody,
        response: { 200: Type.Ref('Meeting'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id, unitId } = request.params;
      return change(id, (trx) =>
        meetings.respondToInvitation(trx, ctx, id, unitId, request.body, languageOf(request)),
      );
    },
  );

  app.get(
    '/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'The agenda with durations, speakers, timing and the total against the plan',
        params: IdParams,
        response: { 200: Type.Ref('Agenda'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => agenda.getAgenda(db, ctxOf(request), request.params.id, languageOf(request)),
  );

  app.put(
    '/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Save the whole agenda in its new order (items added, removed, reordered)',
        params: IdParams,
        body: SaveAgendaBody,
        response: { 200: Type.Ref('Agenda'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id } = request.params;
      return change(id, (trx) =>
        agenda.saveAgenda(trx, ctx, id, request.body, languageOf(request)),
      );
    },
  );

  app.post(
    '/meetings/:id/agenda/extra',
    {
      schema: {
        tags,
        summary: 'Add an extra speaker of an invited unit after the current item',
        params: IdParams,
        body: ExtraSpeakerBody,
        response: { 200: Type.Ref('Agenda'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id } = request.params;
      return change(id, (trx) =>
        agenda.addExtraSpeaker(trx, ctx, id, request.body, languageOf(request)),
      );
    },
  );

  app.post(
    '/meetings/:id/speaker',
    {
      schema: {
        tags,
        summary: 'Start, stop, pause or resume the current speaker, or move to the next',
        params: IdParams,
        body: SpeakerBody,
        response: { 200: Type.Ref('Agenda'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id } = request.params;
      return change(id, (trx) =>
        running.speakerAction(trx, ctx, id, request.body, languageOf(request)),
      );
    },
  );

  app.get(
    '/meetings/:id/projector',
    {
      schema: {
        tags,
        summary: "The room screen's state: current speaker with timing, the next two, totals",
        params: IdParams,
        response: { 200: Type.Ref('ProjectorState'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => running.projectorState(db, ctxOf(request), request.params.id),
  );

  app.get(
    '/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Attendance per invited unit and guest, with totals',
        params: IdParams,
        response: { 200: Type.Ref('Attendance'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => attendance.getAttendance(db, ctxOf(request), request.params.id),
  );

  app.put(
    '/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record attendance of the units and guests listed (locked at the conclusion)',
        params: IdParams,
        body: SaveAttendanceBody,
        response: { 200: Type.Ref('Attendance'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id } = request.params;
      return change(id, (trx) => attendance.saveAttendance(trx, ctx, id, request.body));
    },
  );

  app.get(
    '/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: 'The minutes with their pre-filled part (invited units read them once concluded)',
        params: IdParams,
        response: { 200: Type.Ref('Minutes'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => minutes.getMinutes(db, ctxOf(request), request.params.id),
  );

  app.put(
    '/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary:
          'Save speeches and the closing part over the version read; a stale save gets 409 with the current minutes',
        params: IdParams,
        body: SaveMinutesBody,
        response: {
          200: Type.Ref('Minutes'),
          ...errorResponses(400, 401, 403, 404),
          409: MinutesConflict,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id } = request.params;
      return change(id, (trx) => minutes.saveMinutes(trx, ctx, id, request.body));
    },
  );

  app.get(
    '/meetings/:id/conclusion',
    {
      schema: {
        tags,
        summary: "The conclusion: acknowledged, shortcomings, directives, the reports' proposals",
        params: IdParams,
        response: { 200: Type.Ref('Conclusion'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => conclusion.getConclusion(db, ctxOf(request), request.params.id),
  );

  app.put(
    '/meetings/:id/conclusion',
    {
      schema: {
        tags,
        summary: "Save the conclusion's texts and ordered directives (chair or secretariat)",
        params: IdParams,
        body: SaveConclusionBody,
        response: { 200: Type.Ref('Conclusion'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id } = request.params;
      return change(id, (trx) => conclusion.saveConclusion(trx, ctx, id, request.body));
    },
  );

  app.post(
    '/meetings/:id/proposals/:proposalId/answer',
    {
      schema: {
        tags,
        summary: "Answer a proposal of an invited unit's report in the conclusion",
        params: MeetingProposalParams,
        body: AnswerProposalBody,
        response: { 200: Type.Ref('Conclusion'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id, proposalId } = request.params;
      return change(id, (trx) => conclusion.answerProposal(trx, ctx, id, proposalId, request.body));
    },
  );
}
