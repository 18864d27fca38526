import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { putJson } from '../reports/api';
import type * as m from '../../../../src/meetings/meetings.schema.ts';

/*
 * Types of the meeting API, from the server's schemas (type-only: nothing of the server is
 * bundled; `npm run typecheck` fails when they no longer fit what this feature does).
 */

export type { MeetingState, MeetingPermission } from '../../../../src/meetings/meetings.states.ts';
export type Meeting = m.Meeting;
export type MeetingSummary = m.MeetingSummary;
export type MeetingDefaults = m.MeetingDefaults;
export type MeetingPerson = m.MeetingPeople['chairs'][number];
export type MeetingUnit = m.MeetingUnit;
export type UnitResponse = MeetingUnit['response'];
export type Guest = m.Guest;
export type Agenda = m.Agenda;
export type AgendaItem = m.AgendaItem;
export type AgendaItemInput = m.SaveAgendaBody['items'][number];
export type ProjectorState = m.ProjectorState;
export type Attendance = m.Attendance;
export type AttendanceUnit = Attendance['units'][number];
export type AttendanceKind = AttendanceUnit['attendance'];
export type Minutes = m.Minutes;
export type Conclusion = m.Conclusion;
export type Directive = m.Directive;
export type DirectiveInput = NonNullable<m.SaveConclusionBody['directives']>[number];
export type MeetingProposal = m.MeetingProposal;
export type RunAction = m.SpeakerBody['action'];

export const meetingsKey = ['meetings'] as const;
const key = (part: string, id: number) => [...meetingsKey, part, id] as const;

export function useMeetings(query: m.MeetingQuery) {
  return useQuery({
    queryKey: [...meetingsKey, 'list', query],
    queryFn: async () => (await api.get<m.MeetingList>('/meetings', query)).items,
  });
}

export function fetchMeetingDefaults(periodId: number): Promise<MeetingDefaults> {
  return api.get<MeetingDefaults>('/meetings/defaults', { periodId });
}

/** Who may chair a meeting the unit convenes and be its secretary (for the secretariat). */
export function useMeetingPeople(unitId: number | undefined) {
  return useQuery({
    queryKey: [...meetingsKey, 'people', unitId],
    queryFn: () => api.get<m.MeetingPeople>('/meetings/people', { unitId: unitId! }),
    enabled: unitId !== undefined,
  });
}

export function createMeeting(body: m.CreateMeetingBody): Promise<Meeting> {
  return api.post<Meeting>('/meetings', body);
}

export function updateMeeting(id: number, body: m.UpdateMeetingBody): Promise<Meeting> {
  return putJson<Meeting>(`/meetings/${id}`, body);
}

export function useMeeting(id: number) {
  return useQuery({
    queryKey: key('meeting', id),
    queryFn: () => api.get<Meeting>(`/meetings/${id}`),
  });
}

export function useAgenda(id: number) {
  return useQuery({
    queryKey: key('agenda', id),
    queryFn: () => api.get<Agenda>(`/meetings/${id}/agenda`),
  });
}

export function useAttendance(id: number) {
  return useQuery({
    queryKey: key('attendance', id),
    queryFn: () => api.get<Attendance>(`/meetings/${id}/attendance`),
  });
}

export function useMinutes(id: number, enabled = true) {
  return useQuery({
    queryKey: key('minutes', id),
    enabled,
    queryFn: () => api.get<Minutes>(`/meetings/${id}/minutes`),
  });
}

export function useConclusion(id: number, enabled = true) {
  return useQuery({
    queryKey: key('conclusion', id),
    enabled,
    queryFn: () => api.get<Conclusion>(`/meetings/${id}/conclusion`),
  });
}

export function meetingTransition(
  meeting: Meeting,
  body: Omit<m.MeetingTransitionBody, 'version'>,
) {
  return api.post<Meeting>(`/meetings/${meeting.id}/transitions`, {
    version: meeting.version,
    ...body,
  });
}

export function sendInvitation(meeting: Meeting): Promise<Meeting> {
  return api.post<Meeting>(`/meetings/${meeting.id}/invitation`, { version: meeting.version });
}

export function respond(meetingId: number, unitId: number, body: m.RespondBody): Promise<Meeting> {
  return putJson<Meeting>(`/meetings/${meetingId}/units/${unitId}/response`, body);
}

export function saveAgenda(id: number, body: m.SaveAgendaBody): Promise<Agenda> {
  return putJson<Agenda>(`/meetings/${id}/agenda`, body);
}

export function speakerAction(id: number, action: RunAction): Promise<Agenda> {
  return api.post<Agenda>(`/meetings/${id}/speaker`, { action } satisfies m.SpeakerBody);
}

export function addExtraSpeaker(id: number, body: m.ExtraSpeakerBody): Promise<Agenda> {
  return api.post<Agenda>(`/meetings/${id}/agenda/extra`, body);
}

export function saveAttendance(id: number, body: m.SaveAttendanceBody): Promise<Attendance> {
  return putJson<Attendance>(`/meetings/${id}/attendance`, body);
}

export function saveMinutes(id: number, body: m.SaveMinutesBody): Promise<Minutes> {
  return putJson<Minutes>(`/meetings/${id}/minutes`, body);
}

export function saveConclusion(id: number, body: m.SaveConclusionBody): Promise<Conclusion> {
  return putJson<Conclusion>(`/meetings/${id}/conclusion`, body);
}

export function answerProposal(
  id: number,
  proposal: MeetingProposal,
  answer: string,
): Promise<Conclusion> {
  return api.post<Conclusion>(`/meetings/${id}/proposals/${proposal.id}/answer`, {
    version: proposal.version,
    answer,
  } satisfies m.AnswerProposalBody);
}

/** Invalidates everything of the feature after a change. */
export function useMeetingsRefresh() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: meetingsKey }), [queryClient]);
}

/** Puts an answer into the cache at once, so the next save sends its new version. */
export function useStore() {
  const queryClient = useQueryClient();
  return <T>(
    part: 'meeting' | 'agenda' | 'attendance' | 'minutes' | 'conclusion',
    id: number,
    data: T,
  ) => queryClient.setQueryData(key(part, id), data);
}
