import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ctxOf } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import { liveTopic } from '../live/bus.ts';
import { projectorState } from './running.service.ts';

/*
 * GET /api/v1/meetings/{id}/events: the projector's state, pushed as server-sent events. The
 * state is read (and the caller's right to read the meeting checked) before the stream opens,
 * so a refusal is an ordinary error answer; then once per change of the meeting, on whichever
 * instance the change was made (app.live).
 */

const STREAM_DESCRIPTION = [
  'A text/event-stream (server-sent events; use an EventSource). Each event is',
  '`event: state`, an increasing `id:` and `data:` holding a ProjectorState as JSON: one when',
  'the stream opens (and on every reconnect) and one after each change of the meeting — speaker',
  'started, stopped, paused, next speaker, agenda, attendance, state. A comment line comes every',
  '15 s; `retry:` says how soon to reconnect. The stream is not compressed.',
].join(' ');

export async function meetingEventsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/meetings/:id/events',
    {
      compress: false,
      schema: {
        tags: ['meetings'],
        summary: "The projector's state, live: server-sent events of ProjectorState",
        description: STREAM_DESCRIPTION,
        params: IdParams,
        produces: ['text/event-stream'],
        response: {
          200: {
            description: STREAM_DESCRIPTION,
            content: {
              'text/event-stream': {
                schema: Type.String({
                  description: 'event: state\\nid: 1\\ndata: {ProjectorState}\\n\\n …',
                }),
              },
            },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const meetingId = request.params.id;
      const read = () => projectorState(app.db, ctx, meetingId);
      const initial = await read();
      return app.eventStreams.send(request, reply, {
        topic: liveTopic.meeting(meetingId),
        event: 'state',
        read,
        initial,
        // The projector's state is the same for everyone who may read the meeting.
        share: liveTopic.meeting(meetingId),
        // Access withdrawn, or the meeting deleted, while the stream was open: end it; the
        // browser's reconnect then gets the refusal as an answer.
        onReadError: (error) => (error instanceof AppError && error.status < 500 ? 'end' : 'keep'),
      });
    },
  );
}
