import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { putJson } from '../reports/api';

/* PROVISIONAL shapes until the server's schemas land: replaced by type imports. */

export type MeetingState = 'planned' | 'in_progress' | 'concluded' | 'cancelled';
export type UnitResponse = 'none' | 'confirmed' | 'declined';
export type Attendance = 'unknown' | 'present' | 'absent' | 'delegate';

export interface MeetingUnit {
  unitId: number;
  unitName: string;
  response: UnitResponse;
  attendeeName: string | null;
  attendeePosition: string | null;
  declineReason: string | null;
  respondedAt: string | null;
  attendance: Attendance;
  attendanceName: string | null;
  attendancePosition: string | null;
  absenceReason: string | null;
}
export interface Guest {
  id: number;
  name: string;
  position: string | null;
  organization: string | null;
  present: 0 | 1;
}
export interface AgendaItem {
  id: number;
  position: number;
  kind: 'unit' | 'free';
  unitId: number | null;
  unitName: string | null;
  title: string;
  plannedSeconds: number;
  speakerName: string | null;
  speakerPosition: string | null;
  extra: 0 | 1;
  startedAt: string | null;
  endedAt: string | null;
}
export interface Meeting {
  id: number;
  periodId: number;
  periodName: string;
  unitId: number;
  unitName: string;
  title: string;
  startsAt: string;
  plannedEndAt: string | null;
  place: string;
  chairAccountId: number | null;
  chairName: string | null;
  secretaryAccountId: number | null;
  secretaryName: string | null;
  state: MeetingState;
  cancelReason: string | null;
  invitationSentAt: string | null;
  startedAt: string | null;
  concludedAt: string | null;
  warningSeconds: number;
  version: number;
  units: MeetingUnit[];
  guests: Guest[];
  agenda: AgendaItem[];
}
export type MeetingSummary = Pick<
  Meeting,
  | 'id'
  | 'periodId'
  | 'periodName'
  | 'unitId'
  | 'unitName'
  | 'title'
  | 'startsAt'
  | 'plannedEndAt'
  | 'place'
  | 'state'
>;
export interface Minutes {
  meetingId: number;
  speeches: Record<string, string>;
  closing: string;
  version: number;
  updatedAt: string | null;
  locked: boolean;
}
export interface ProjectorState {
  meetingId: number;
  title: string;
  state: MeetingState;
  place: string;
  serverTime: string;
  warningSeconds: number;
  current: null | {
    itemId: number;
    title: string;
    unitName: string | null;
    speakerName: string | null;
    speakerPosition: string | null;
    plannedSeconds: number;
    startedAt: string;
    pausedAt: string | null;
    pausedMs: number;
  };
  next: Array<{
    itemId: number;
    title: string;
    unitName: string | null;
    speakerName: string | null;
    plannedSeconds: number;
  }>;
  totals: { plannedSeconds: number; spentSeconds: number; items: number; done: number };
}

type Items<T> = { items: T[] };
export const meetingsKey = ['meetings'] as const;

export function useMeetings(query: { periodId?: number; unitId?: number }) {
  return useQuery({
    queryKey: [...meetingsKey, 'list', query],
    queryFn: async () => (await api.get<Items<MeetingSummary>>('/meetings', query)).items,
  });
}

export function useMeeting(id: number) {
  return useQuery({
    queryKey: [...meetingsKey, 'meeting', id],
    queryFn: () => api.get<Meeting>(`/meetings/${id}`),
  });
}

export function useMinutes(id: number) {
  return useQuery({
    queryKey: [...meetingsKey, 'minutes', id],
    queryFn: () => api.get<Minutes>(`/meetings/${id}/minutes`),
  });
}

export function useProjector(id: number) {
  return useQuery({
    queryKey: [...meetingsKey, 'projector', id],
    queryFn: () => api.get<ProjectorState>(`/meetings/${id}/projector`),
  });
}

/**
 * The running meeting's state as the projector sees it: read once, then followed through the
 * server-sent events of GET /meetings/{id}/events (every event carries the whole state).
 * `receivedAt` is the browser's time when the state arrived, for the clock offset.
 */
export function useLiveProjector(id: number) {
  const query = useProjector(id);
  const queryClient = useQueryClient();
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  useEffect(() => {
    if (query.dataUpdatedAt) setReceivedAt(Date.now());
  }, [query.dataUpdatedAt]);
  useEffect(() => {
    const source = new EventSource(`/api/v1/meetings/${id}/events`);
    source.onmessage = (event: MessageEvent<string>) => {
      try {
        queryClient.setQueryData(
          [...meetingsKey, 'projector', id],
          JSON.parse(event.data) as ProjectorState,
        );
      } catch {
        // A malformed event: the next one carries the whole state again.
      }
    };
    return () => source.close();
  }, [id, queryClient]);
  return { state: query.data, receivedAt, refetch: query.refetch, error: query.error };
}

export type RunAction = 'next' | 'pause' | 'resume' | 'stop';

export function runningAction(id: number, action: RunAction): Promise<ProjectorState> {
  return api.post<ProjectorState>(`/meetings/${id}/running/${action}`);
}

export function addExtraSpeaker(
  id: number,
  body: {
    unitId: number | null;
    title: string;
    speakerName: string | null;
    speakerPosition: string | null;
    plannedSeconds: number;
  },
): Promise<unknown> {
  return api.post(`/meetings/${id}/agenda/extra`, body);
}

export function saveMinutes(
  id: number,
  body: { version: number; speeches: Record<string, string>; closing: string },
): Promise<Minutes> {
  return putJson<Minutes>(`/meetings/${id}/minutes`, body);
}

/** Invalidates everything of the feature after a change. */
export function useMeetingsRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meetingsKey });
}

export { putJson };
