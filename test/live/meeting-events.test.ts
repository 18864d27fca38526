import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { liveTopic } from '../../src/live/bus.ts';
import type { ProjectorState } from '../../src/meetings/meetings.schema.ts';
import { speakerAction } from '../../src/meetings/running.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  openEventStream,
  type EventStreamClient,
} from '../../src/test-support/event-stream-client.ts';
import { buildAccount, buildTestApp, loginCookie } from '../../src/test-support/factories.ts';
import { buildRunningMeeting, type RunningMeeting } from '../../src/test-support/live-meeting.ts';

/*
 * GET /api/v1/meetings/{id}/events: the projector's state on connect and after each change of
 * the meeting, and plain error answers (in the request's language) for those who may not read
 * it. Over real sockets, as a browser's EventSource connects.
 */

const stateOf = (data: string) => JSON.parse(data) as ProjectorState;

describeEachEngine('meeting events stream', (db) => {
  let app: FastifyInstance;
  let base: string;
  let meeting: RunningMeeting;
  let reader: string;
  const clients: EventStreamClient[] = [];
  const open = async (id: number, headers: Record<string, string> = {}) => {
    const client = await openEventStream(`${base}/api/v1/meetings/${id}/events`, headers);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    meeting = await buildRunningMeeting(db(), { items: 4, readers: 1 });
    app = await buildTestApp(db());
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    reader = await loginCookie(app, meeting.readers[0]!);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await app.close();
  });

  it('sends the projector state on connect and after the next speaker', async () => {
    const client = await open(meeting.meetingId, { cookie: reader });
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const first = stateOf((await client.next()).data);
    expect(first).toMatchObject({
      meetingId: meeting.meetingId,
      state: 'in_progress',
      current: { itemId: meeting.itemIds[0], speakerName: 'Người phát biểu 1', pausedAt: null },
    });
    expect(first.next.map((n) => n.itemId)).toEqual(meeting.itemIds.slice(1, 3));

    await speakerAction(db(), meeting.secretaryCtx, meeting.meetingId, { action: 'next' });
    await app.live.publish(liveTopic.meeting(meeting.meetingId));
    const second = stateOf(
      (await client.next((e) => stateOf(e.data).current?.itemId === meeting.itemIds[1])).data,
    );
    expect(second.totals.done).toBe(1);
    expect(second.next.map((n) => n.itemId)).toEqual(meeting.itemIds.slice(2, 4));

    await speakerAction(db(), meeting.secretaryCtx, meeting.meetingId, { action: 'pause' });
    await app.live.publish(liveTopic.meeting(meeting.meetingId));
    await client.next((e) => stateOf(e.data).current?.pausedAt !== null);
    client.close();
  });

  it('answers a stranger, a missing meeting and no session with plain errors, vi and en', async () => {
    const stranger = await buildAccount(db(), { roles: [] });
    const cookie = await loginCookie(app, stranger.username);
    const refused = await open(meeting.meetingId, { cookie });
    expect(refused.status).toBe(403);
    const missing = await fetch(`${base}/api/v1/meetings/999999/events`, {
      headers: { cookie: reader, 'accept-language': 'en', accept: 'text/event-stream' },
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(
      /meeting/i,
    );
    const anonymous = await fetch(`${base}/api/v1/meetings/${meeting.meetingId}/events`);
    expect(anonymous.status).toBe(401);
    const bad = await fetch(`${base}/api/v1/meetings/abc/events`, { headers: { cookie: reader } });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields)).toEqual(
      ['params.id'],
    );
  });

  it('is in the OpenAPI document as a text/event-stream', async () => {
    const doc = app.swagger() as {
      paths: Record<string, { get?: { responses: Record<string, { content?: object }> } }>;
    };
    const op = doc.paths['/api/v1/meetings/{id}/events']?.get;
    expect(op).toBeDefined();
    expect(Object.keys(op!.responses['200']!.content!)).toEqual(['text/event-stream']);
  });
});
