import { Type, type Static } from 'typebox';
import { Id, MAX_INT, Nullable } from '../http/schema-helpers.ts';

/*
 * Progress updates of a task and the convening unit's task settings.
 *
 *   GET  /api/v1/tasks/{id}/updates                      → TaskUpdateList (what the caller may see)
 *   POST /api/v1/tasks/{id}/updates       AddUpdateBody  → TaskUpdate (201)
 *   POST /api/v1/tasks/updates/{id}/approval  UpdateApprovalBody → TaskUpdate (the unit head)
 *   POST /api/v1/tasks/updates/{id}/attachments (multipart "file") → TaskUpdateAttachment (201)
 *   GET  /api/v1/tasks/update-attachments/{id}           → the file
 *   GET  /api/v1/tasks/settings/{unitId}                 → TaskSettings
 *   PUT  /api/v1/tasks/settings/{unitId}  TaskSettingsBody → TaskSettings
 *   GET  /api/v1/tasks/export.xlsx?<TaskQuery>           → the list as an Excel file
 */

export const UPDATE_ROLES = ['lead', 'coordinating'] as const;
export type UpdateRole = (typeof UPDATE_ROLES)[number];

export const APPROVALS = ['not_needed', 'pending', 'approved', 'sent_back'] as const;
export type Approval = (typeof APPROVALS)[number];

/** Approvals the convening unit's secretariat and chair see (and lastUpdatesOf returns). */
export const VISIBLE_APPROVALS: readonly Approval[] = ['not_needed', 'approved'];

export const TaskUpdateAttachment = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  mimeType: Type.String(),
  size: Type.Integer(),
  createdAt: Type.String(),
});
export type TaskUpdateAttachment = Static<typeof TaskUpdateAttachment>;

export const TaskUpdate = Type.Object({
  id: Type.Integer(),
  taskId: Type.Integer(),
  unitId: Type.Integer({ description: 'The unit the update speaks for' }),
  unitName: Type.String(),
  role: Type.Enum(UPDATE_ROLES, { description: 'lead (chủ trì) or coordinating (phối hợp)' }),
  note: Type.String(),
  percent: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
  reportsDone: Type.Boolean(),
  reportId: Nullable(Type.Integer()),
  approval: Type.Enum(APPROVALS, {
    description:
      'not_needed (no head approval required), pending, approved, sent_back (with a comment)',
  }),
  approvedByName: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  approvalComment: Nullable(Type.String()),
  authorName: Nullable(Type.String()),
  createdAt: Type.String(),
  attachments: Type.Array(TaskUpdateAttachment),
  /** What the caller may do with it: approve / send_back (the unit head), attach (its unit). */
  actions: Type.Array(Type.Enum(['approve', 'send_back', 'attach'])),
});
export type TaskUpdate = Static<typeof TaskUpdate>;

export const TaskUpdateList = Type.Object({
  items: Type.Array(TaskUpdate),
  /** The units the caller may add an update for now (empty: none, or the task is closed). */
  canAdd: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      unitName: Type.String(),
      role: Type.Enum(UPDATE_ROLES),
    }),
  ),
});
export type TaskUpdateList = Static<typeof TaskUpdateList>;

export const AddUpdateBody = Type.Object(
  {
    note: Type.String({ maxLength: 20_000 }),
    percent: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
    /** The lead unit reports the task done (it moves to reported_done). */
    reportsDone: Type.Optional(Type.Boolean()),
    /** The unit the update speaks for, when the caller holds more than one of the task's units. */
    unitId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type AddUpdateBody = Static<typeof AddUpdateBody>;

export const UpdateApprovalBody = Type.Object(
  {
    decision: Type.Enum(['approve', 'send_back']),
    /** Required to send back (what to change). */
    comment: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type UpdateApprovalBody = Static<typeof UpdateApprovalBody>;

export const TaskSettings = Type.Object({
  unitId: Type.Integer({ description: 'The convening unit' }),
  unitName: Type.String(),
  headApproval: Type.Boolean({
    description: "A unit's update waits for its head's approval before the secretariat sees it",
  }),
  /** 0 while the defaults have never been saved. */
  version: Type.Integer(),
  updatedAt: Nullable(Type.String()),
  canEdit: Type.Boolean(),
});
export type TaskSettings = Static<typeof TaskSettings>;

export const TaskSettingsBody = Type.Object(
  {
    headApproval: Type.Boolean(),
    /** The version read (0 for the defaults never saved). */
    version: Type.Integer({ minimum: 0, maximum: MAX_INT }),
  },
  { additionalProperties: false },
);
export type TaskSettingsBody = Static<typeof TaskSettingsBody>;

export const UnitIdParams = Type.Object({ unitId: Id });
