import type { Lang } from './i18n.ts';
import { numberMessages } from '../text/numbers.ts';

/** Error messages in both languages, by code. `{name}` placeholders are filled from params. */
export const messages = {
  validation: { vi: 'Dữ liệu không hợp lệ.', en: 'The request is not valid.' },
  invalid_json: {
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  invalid_encoding: {
    vi: 'Nội dung gửi lên không phải UTF-8 hợp lệ.',
    en: 'The request body is not valid UTF-8.',
  },
  payload_too_large: {
    vi: 'Nội dung gửi lên vượt quá giới hạn {limit}.',
    en: 'The request body exceeds the {limit} limit.',
  },
  unsupported_media_type: {
    vi: 'Kiểu nội dung "{type}" không được hỗ trợ; hãy gửi application/json.',
    en: 'Content type "{type}" is not supported; send application/json.',
  },
  unauthenticated: {
    vi: 'Bạn cần đăng nhập để tiếp tục.',
    en: 'You need to sign in to continue.',
  },
  forbidden: {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  not_found: { vi: 'Không tìm thấy {entity}.', en: '{entity} not found.' },
  route_not_found: { vi: 'Không có địa chỉ {url}.', en: 'There is no {url}.' },
  conflict: {
    vi: '{entity} đã được người khác thay đổi sau khi bạn mở. Hãy tải lại để xem thay đổi rồi lưu lại.',
    en: '{entity} was changed by someone else after you opened it. Reload to see the change, then save again.',
  },
  username_taken: {
    vi: 'Tên đăng nhập "{username}" đã có người dùng.',
    en: 'The username "{username}" is already taken.',
  },
  unit_has_history: {
    vi: 'Không thể xóa đơn vị đã có đơn vị con, tài khoản hoặc dữ liệu. Hãy chuyển sang ngừng hoạt động.',
    en: 'A unit with child units, accounts or records cannot be deleted. Deactivate it instead.',
  },
  unit_cycle: {
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.',
    en: 'A unit cannot be moved under itself or one of its descendants.',
  },
  unit_inactive_parent: {
    vi: 'Đơn vị cấp trên đang ngừng hoạt động.',
    en: 'The parent unit is inactive.',
  },
  cross_origin: {
    vi: 'Yêu cầu thay đổi dữ liệu phải gửi từ chính trang Giao Ban; yêu cầu từ trang khác bị từ chối.',
    en: 'Changes must be sent from the Giao Ban pages themselves; a request from another site is refused.',
  },
  invalid_credentials: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  account_locked: {
    vi: 'Đăng nhập sai quá nhiều lần. Hãy thử lại sau {seconds} giây.',
    en: 'Too many failed sign-ins. Try again in {seconds} seconds.',
  },
  too_many_requests: {
    vi: 'Quá nhiều yêu cầu. Hãy thử lại sau {seconds} giây.',
    en: 'Too many requests. Try again in {seconds} seconds.',
  },
  wrong_current_password: {
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  article_transition: {
    vi: 'Không thể thực hiện "{action}" với bài viết đang ở trạng thái "{state}".',
    en: 'Cannot "{action}" an article that is "{state}".',
  },
  category_in_use: {
    vi: 'Không thể xóa chuyên mục "{name}": còn {count} bài viết thuộc chuyên mục này.',
    en: 'The category "{name}" cannot be deleted while articles are filed under it ({count}).',
  },
  slug_taken: {
    vi: 'Đường dẫn "{slug}" đã được dùng cho bài viết khác.',
    en: 'The slug "{slug}" is already used by another article.',
  },
  storage_full: {
    vi: 'Máy chủ đã hết chỗ lưu trữ nên thay đổi chưa được lưu. Hãy báo quản trị viên giải phóng dung lượng, rồi thử lại.',
    en: 'The server is out of storage space, so your change was not saved. Ask the administrator to free some space, then try again.',
  },
  storage_read_only: {
    vi: 'Cơ sở dữ liệu của máy chủ đang chỉ cho đọc nên thay đổi chưa được lưu. Hãy báo quản trị viên.',
    en: "The server's database is read-only, so your change was not saved. Tell the administrator.",
  },
  storage_error: {
    vi: 'Máy chủ không đọc ghi được ổ lưu trữ nên thao tác chưa thực hiện được. Hãy báo quản trị viên.',
    en: 'The server cannot read or write its storage, so this was not done. Tell the administrator.',
  },
  internal: {
    vi: 'Đã có lỗi hệ thống. Mã yêu cầu: {requestId}.',
    en: 'Something went wrong on the server. Request id: {requestId}.',
  },
  report_wrong_state: {
    vi: 'Không thể làm thao tác này khi báo cáo đang ở trạng thái "{state}".',
    en: 'This cannot be done while the report is in the "{state}" state.',
  },
  report_not_editable: {
    vi: 'Chỉ sửa được báo cáo đang là dự thảo.',
    en: 'Only a draft report can be edited.',
  },
  period_closed: {
    vi: 'Kỳ báo cáo "{name}" đã khóa.',
    en: 'The reporting period "{name}" is closed.',
  },
  period_unit_has_report: {
    vi: 'Không thể bỏ khỏi kỳ báo cáo đơn vị đã bắt đầu báo cáo: {units}.',
    en: 'Units that have started their report cannot leave the period: {units}.',
  },
  period_exists: {
    vi: 'Kỳ báo cáo "{name}" đã có.',
    en: 'The reporting period "{name}" already exists.',
  },
  indicator_code_taken: {
    vi: 'Mã chỉ tiêu "{code}" đã có.',
    en: 'The indicator code "{code}" is already taken.',
  },
  excel_invalid: {
    vi: 'Tệp Excel có {count} lỗi; chưa lưu số liệu nào. Hãy sửa rồi tải lên lại.',
    en: 'The Excel file has {count} errors; nothing was saved. Fix them and upload again.',
  },
  excel_unreadable: {
    vi: 'Không đọc được tệp; hãy tải lên tệp Excel (.xlsx).',
    en: 'The file could not be read; upload an Excel (.xlsx) file.',
  },
  file_too_large: {
    vi: 'Tệp vượt quá giới hạn {limit}.',
    en: 'The file exceeds the {limit} limit.',
  },
  multipart_invalid: {
    vi: 'Nội dung tải lên bị hỏng hoặc không đầy đủ; hãy chọn tệp và gửi lại.',
    en: 'The upload is damaged or incomplete; choose the file and send it again.',
  },
  file_type_not_allowed: {
    vi: 'Không nhận tệp kiểu "{type}". Được phép: PDF, Word, Excel, ảnh PNG/JPEG.',
    en: 'Files of type "{type}" are not accepted. Allowed: PDF, Word, Excel, PNG/JPEG images.',
  },
  meeting_concluded: {
    vi: 'Hội nghị đã kết luận: biên bản, điểm danh và kết luận đã khóa, không thay đổi được nữa.',
    en: 'The meeting has been concluded: its minutes, attendance and conclusion are locked.',
  },
  meeting_cancelled: {
    vi: 'Hội nghị đã bị hủy nên không thể thực hiện thao tác này.',
    en: 'The meeting was cancelled, so this cannot be done.',
  },
  meeting_started: {
    vi: 'Hội nghị đã bắt đầu nên không thể thực hiện thao tác này.',
    en: 'The meeting has already started, so this cannot be done.',
  },
  meeting_not_started: {
    vi: 'Hội nghị chưa bắt đầu; hãy bắt đầu hội nghị trước.',
    en: 'The meeting has not started yet; start it first.',
  },
  meeting_period_closed: {
    vi: 'Kỳ báo cáo "{name}" đã khóa nên không thể tổ chức hội nghị cho kỳ này.',
    en: 'The reporting period "{name}" is closed, so no meeting can be held for it.',
  },
  meeting_invitation_not_sent: {
    vi: 'Giấy mời chưa được gửi nên chưa thể xác nhận tham dự.',
    en: 'The invitation has not been sent yet, so attendance cannot be confirmed.',
  },
  meeting_no_current_speaker: {
    vi: 'Hiện không có ai đang phát biểu.',
    en: 'Nobody is speaking now.',
  },
  meeting_speaker_not_paused: {
    vi: 'Phần phát biểu hiện tại không tạm dừng.',
    en: 'The current speech is not paused.',
  },
  meeting_speaker_paused: {
    vi: 'Phần phát biểu hiện tại đang tạm dừng; hãy tiếp tục trước.',
    en: 'The current speech is paused; resume it first.',
  },
  meeting_item_done: {
    vi: 'Mục "{title}" đã phát biểu xong.',
    en: 'The item "{title}" has already been spoken.',
  },
  task_directive_taken: {
    vi: 'Chỉ đạo số {position} ("{text}") đã được giao thành nhiệm vụ #{taskId}; không giao lại lần nữa.',
    en: 'Directive {position} ("{text}") has already been made into task #{taskId}; it is not issued twice.',
  },
  task_meeting_not_concluded: {
    vi: 'Hội nghị "{title}" chưa kết luận nên chưa thể giao nhiệm vụ từ các chỉ đạo của hội nghị.',
    en: 'The meeting "{title}" has not been concluded, so its directives cannot be made into tasks yet.',
  },
  task_transition: {
    vi: 'Không thể "{action}" nhiệm vụ đang ở trạng thái "{state}".',
    en: 'Cannot "{action}" a task that is "{state}".',
  },
  task_closed: {
    vi: 'Nhiệm vụ đã ở trạng thái "{state}" nên không thay đổi được nữa.',
    en: 'The task is "{state}", so it can no longer be changed.',
  },
  task_answers_locked: {
    vi: 'Báo cáo không còn là bản nháp nên không sửa được phần tiến độ nhiệm vụ; chỉ sửa được khi báo cáo đang soạn (hoặc bị trả lại và đã mở lại).',
    en: 'The report is no longer a draft, so its answers about tasks cannot be changed; they can be changed while the report is being written (or once a returned report is reopened).',
  },
  task_update_not_assigned: {
    vi: 'Đơn vị của bạn không chủ trì hay phối hợp nhiệm vụ này nên không cập nhật tiến độ được.',
    en: 'Your unit neither leads nor coordinates this task, so it cannot report progress on it.',
  },
  task_update_not_head: {
    vi: 'Chỉ lãnh đạo của đơn vị gửi cập nhật mới duyệt hoặc trả lại được cập nhật này.',
    en: 'Only the head of the unit that wrote this update can approve it or send it back.',
  },
  task_update_not_author: {
    vi: 'Chỉ người viết cập nhật mới đính kèm tệp vào cập nhật đó.',
    en: 'Only the author of an update can attach files to it.',
  },
  task_update_sent_back: {
    vi: 'Cập nhật đã bị trả lại; hãy gửi một cập nhật mới kèm tệp.',
    en: 'The update was sent back; send a new update with the file.',
  },
  task_update_attachments_full: {
    vi: 'Mỗi cập nhật đính kèm tối đa {limit} tệp.',
    en: 'An update can have at most {limit} files.',
  },
  task_update_decided: {
    vi: 'Cập nhật này đã được duyệt hoặc trả lại rồi.',
    en: 'This update has already been approved or sent back.',
  },
  article_meeting_not_concluded: {
    vi: 'Hội nghị "{title}" chưa kết luận nên chưa soạn được bài viết về hội nghị.',
    en: 'The meeting "{title}" has not been concluded, so no article can be drafted from it yet.',
  },
  article_meeting_exists: {
    vi: 'Hội nghị "{title}" đã có bài viết; mở bài viết đó để biên tập tiếp.',
    en: 'The meeting "{title}" already has an article; open it to go on editing.',
  },
  meeting_agenda_finished: {
    vi: 'Không còn mục nào trong chương trình chưa phát biểu.',
    en: 'Every item of the agenda has been spoken.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageCode = keyof typeof messages;

/** Validation messages for single fields, by rule. */
export const fieldMessages = {
  required: { vi: 'Bắt buộc nhập.', en: 'Required.' },
  type: { vi: 'Phải là {type}.', en: 'Must be {type}.' },
  minLength: { vi: 'Cần ít nhất {limit} ký tự.', en: 'Must be at least {limit} characters.' },
  maxLength: { vi: 'Tối đa {limit} ký tự.', en: 'Must be at most {limit} characters.' },
  minimum: { vi: 'Không được nhỏ hơn {limit}.', en: 'Must be at least {limit}.' },
  maximum: { vi: 'Không được lớn hơn {limit}.', en: 'Must be at most {limit}.' },
  enum: { vi: 'Phải là một trong: {values}.', en: 'Must be one of: {values}.' },
  pattern: { vi: 'Không đúng định dạng.', en: 'Has the wrong format.' },
  format: { vi: 'Không đúng định dạng {format}.', en: 'Must be a valid {format}.' },
  unknown: { vi: 'Trường không được phép.', en: 'Unknown field.' },
  minItems: { vi: 'Cần ít nhất {limit} mục.', en: 'Needs at least {limit} items.' },
  maxItems: { vi: 'Tối đa {limit} mục.', en: 'At most {limit} items.' },
  blank: { vi: 'Không được để trống.', en: 'Must not be blank.' },
  invalid: { vi: 'Giá trị không hợp lệ.', en: 'Invalid value.' },
  invalidText: {
    vi: 'Có ký tự không hợp lệ (NUL hoặc mã Unicode lẻ).',
    en: 'Contains an invalid character (NUL or a lone surrogate).',
  },
  notFound: { vi: 'Không tồn tại.', en: 'Does not exist.' },
  taken: { vi: 'Đã có người dùng.', en: 'Already taken.' },
  passwordTooShort: {
    vi: 'Mật khẩu cần ít nhất {limit} ký tự.',
    en: 'The password needs at least {limit} characters.',
  },
  futureTime: { vi: 'Phải là một thời điểm trong tương lai.', en: 'Must be a time in the future.' },
  imageType: {
    vi: 'Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF.',
    en: 'Only JPEG, PNG, WebP or GIF images are accepted.',
  },
  imageSize: { vi: 'Ảnh tối đa {limit} byte.', en: 'Images are at most {limit} bytes.' },
  emailFormat: {
    vi: 'Địa chỉ thư điện tử không đúng (ví dụ đúng: ten.donvi@tuson.gov.vn).',
    en: 'This is not an e-mail address (for example: name.unit@tuson.gov.vn).',
  },
  usernameFormat: {
    vi: 'Chỉ dùng chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang (3–64 ký tự).',
    en: 'Use lowercase letters without accents, digits, dot, underscore or dash (3–64 characters).',
  },
  ...numberMessages,
  negative: { vi: 'Không được âm.', en: 'Must not be negative.' },
  unknownIndicator: {
    vi: 'Không có chỉ tiêu mã "{code}" trong báo cáo này.',
    en: 'There is no indicator coded "{code}" in this report.',
  },
  wrongPeriod: {
    vi: 'Dòng này thuộc kỳ "{found}", không phải "{expected}".',
    en: 'This row is for "{found}", not "{expected}".',
  },
  duplicate: { vi: 'Bị lặp lại.', en: 'Appears twice.' },
  otherUnitTemplate: {
    vi: 'Mẫu báo cáo này thuộc đơn vị khác; hãy chọn một mẫu của chính đơn vị mở kỳ.',
    en: "This report template belongs to another unit; choose one of the convening unit's own templates.",
  },
  reasonRequired: {
    vi: 'Cần ghi lý do trả lại báo cáo; người soạn sẽ thấy lý do này.',
    en: 'Say why the report is returned; the reporter will see it.',
  },
  dateOrder: { vi: 'Không được trước {other}.', en: 'Must not be before {other}.' },
  duration: {
    vi: 'Thời lượng phải lớn hơn 0 và không quá {max} giờ ({limit} giây).',
    en: 'The duration must be more than 0 and at most {max} hours ({limit} seconds).',
  },
  meetingLength: {
    vi: 'Phải sau giờ bắt đầu và không quá {max} giờ sau đó.',
    en: 'Must be after the start and at most {max} hours after it.',
  },
  warningTime: {
    vi: 'Phải từ 0 đến {limit} giây ({max} phút).',
    en: 'Must be from 0 to {limit} seconds ({max} minutes).',
  },
  notInvited: {
    vi: 'Đơn vị này không được mời dự hội nghị.',
    en: 'This unit is not invited to the meeting.',
  },
  notInMeeting: {
    vi: 'Không có trong hội nghị này.',
    en: 'Is not part of this meeting.',
  },
  notChair: {
    vi: 'Phải là tài khoản giữ vai trò chủ trì của đơn vị triệu tập hoặc cấp trên.',
    en: 'Must be an account holding the chair role in the convening unit or above.',
  },
  notSecretariat: {
    vi: 'Phải là tài khoản giữ vai trò văn phòng (thư ký) của đơn vị triệu tập hoặc cấp trên.',
    en: 'Must be an account holding the secretariat role in the convening unit or above.',
  },
  notUnitOfConvener: {
    vi: 'Phải là đơn vị thuộc đơn vị triệu tập.',
    en: 'Must be a unit under the convening unit.',
  },
  cancelReason: {
    vi: 'Cần ghi lý do hủy hội nghị; các đơn vị được mời sẽ thấy lý do này.',
    en: 'Say why the meeting is cancelled; the invited units will see it.',
  },
  declineReason: {
    vi: 'Cần ghi lý do không tham dự.',
    en: 'Say why the unit will not attend.',
  },
  absenceReason: {
    vi: 'Cần ghi lý do vắng mặt.',
    en: 'Say why the unit is absent.',
  },
  delegateName: {
    vi: 'Cần ghi họ tên người được cử đi thay.',
    en: 'Name the delegate.',
  },
  delegatePosition: {
    vi: 'Cần ghi chức vụ của người được cử đi thay.',
    en: "Give the delegate's position.",
  },
  spokenItem: {
    vi: 'Mục đã phát biểu không thể bỏ hay đổi đơn vị.',
    en: 'An item already spoken cannot be removed or given another unit.',
  },
  staleVersion: {
    vi: 'Đã có bản mới hơn (phiên bản {current}).',
    en: 'A newer version exists (version {current}).',
  },
  meetingConcluded: {
    vi: 'Đã khóa: hội nghị đã kết luận.',
    en: 'Locked: the meeting has been concluded.',
  },
  meetingPeriodClosed: { vi: 'Kỳ "{name}" đã khóa.', en: 'The period "{name}" is closed.' },
  meetingCancelled: { vi: 'Hội nghị đã bị hủy.', en: 'The meeting was cancelled.' },
  meetingStarted: { vi: 'Hội nghị đã bắt đầu.', en: 'The meeting has already started.' },
  meetingNotStarted: { vi: 'Hội nghị chưa bắt đầu.', en: 'The meeting has not started yet.' },
  leadAmongCoordinating: {
    vi: 'Đơn vị chủ trì không được đồng thời là đơn vị phối hợp.',
    en: 'The lead unit cannot also be a coordinating unit.',
  },
  deadlinePast: {
    vi: 'Thời hạn không được trước hôm nay ({today}).',
    en: 'The deadline must not be before today ({today}).',
  },
  deadlineTooFar: {
    vi: 'Thời hạn không được quá {years} năm kể từ hôm nay (muộn nhất {limit}).',
    en: 'The deadline must be at most {years} years from today (by {limit}).',
  },
  deadlineEither: {
    vi: 'Chọn một ngày hoặc "cuối quý"/"cuối năm", không chọn cả hai.',
    en: 'Give a date or "end of quarter/year", not both.',
  },
  deadlineUnchanged: {
    vi: 'Thời hạn mới trùng với thời hạn hiện tại ({current}).',
    en: 'The new deadline is the current one ({current}).',
  },
  returnComment: {
    vi: 'Cần ghi nhận xét khi trả lại; đơn vị chủ trì sẽ thấy nội dung này.',
    en: 'Say what is missing; the lead unit will see it.',
  },
  taskCancelReason: {
    vi: 'Cần ghi lý do hủy nhiệm vụ; các đơn vị được giao sẽ thấy lý do này.',
    en: 'Say why the task is cancelled; the units given it will see it.',
  },
  directiveTaken: {
    vi: 'Đã được giao thành nhiệm vụ #{taskId}.',
    en: 'Already made into task #{taskId}.',
  },
  taskNotHeld: {
    vi: 'Đơn vị không chủ trì hay phối hợp nhiệm vụ đang mở này.',
    en: 'The unit neither leads nor coordinates this open task.',
  },
  taskAnswersLocked: {
    vi: 'Đã khóa: báo cáo không còn là bản nháp.',
    en: 'Locked: the report is no longer a draft.',
  },
  searchWords: {
    vi: 'Cần ít nhất một chữ hoặc chữ số để tìm.',
    en: 'Needs at least one letter or digit to search for.',
  },
  taskWrongState: {
    vi: 'Không thực hiện được ở trạng thái "{state}".',
    en: 'Not possible while the task is "{state}".',
  },
  percentRange: {
    vi: 'Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.',
    en: 'The percent done must be a whole number from 0 to 100.',
  },
  updateEmpty: {
    vi: 'Cần ghi nội dung, tỷ lệ hoàn thành hoặc báo cáo hoàn thành.',
    en: 'Write a note, give a percent or report the task done.',
  },
  reportsDoneLeadOnly: {
    vi: 'Chỉ đơn vị chủ trì mới báo cáo hoàn thành nhiệm vụ.',
    en: 'Only the lead unit reports the task done.',
  },
  notTaskUnit: {
    vi: 'Bạn không thuộc đơn vị này, hoặc đơn vị này không chủ trì hay phối hợp nhiệm vụ.',
    en: 'You do not belong to this unit, or it neither leads nor coordinates the task.',
  },
  sendBackComment: {
    vi: 'Cần ghi nhận xét khi trả lại cập nhật; người viết sẽ thấy nội dung này.',
    en: 'Say what to change; the author will see it.',
  },
  updateDecided: {
    vi: 'Cập nhật đã được xử lý.',
    en: 'The update has already been decided.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type FieldRule = keyof typeof fieldMessages;

/** Names of things, for messages such as "Không tìm thấy đơn vị." */
export const entityNames = {
  unit: { vi: 'đơn vị', en: 'Unit' },
  account: { vi: 'tài khoản', en: 'Account' },
  audit: { vi: 'bản ghi nhật ký', en: 'Audit entry' },
  article: { vi: 'bài viết', en: 'Article' },
  category: { vi: 'chuyên mục', en: 'Category' },
  image: { vi: 'ảnh', en: 'Image' },
  period: { vi: 'kỳ báo cáo', en: 'Reporting period' },
  template: { vi: 'mẫu báo cáo', en: 'Report template' },
  report: { vi: 'báo cáo', en: 'Report' },
  indicator: { vi: 'chỉ tiêu', en: 'Indicator' },
  proposal: { vi: 'kiến nghị', en: 'Proposal' },
  attachment: { vi: 'tệp đính kèm', en: 'Attachment' },
  revision: { vi: 'phiên bản', en: 'Revision' },
  report_settings: { vi: 'cấu hình báo cáo', en: 'Report settings' },
  meeting: { vi: 'hội nghị', en: 'Meeting' },
  minutes: { vi: 'biên bản hội nghị', en: 'The minutes' },
  agenda: { vi: 'chương trình hội nghị', en: 'The agenda' },
  attendance: { vi: 'điểm danh', en: 'The attendance' },
  conclusion: { vi: 'kết luận hội nghị', en: 'The conclusion' },
  agenda_item: { vi: 'mục chương trình', en: 'Agenda item' },
  task: { vi: 'nhiệm vụ', en: 'Task' },
  task_update: { vi: 'cập nhật tiến độ', en: 'Progress update' },
  task_settings: { vi: 'cấu hình nhiệm vụ', en: 'Task settings' },
  notification: { vi: 'thông báo', en: 'Notification' },
  outbox_item: { vi: 'thư điện tử', en: 'E-mail' },
} as const satisfies Record<string, Record<Lang, string>>;

export type EntityName = keyof typeof entityNames;

/** What the admin's SMTP check answers (src/notifications/notifications.service.ts). */
export const smtpCheckMessages = {
  ok: {
    vi: 'Kết nối được máy chủ thư {server}: thư điện tử sẽ được gửi.',
    en: 'Connected to the mail server {server}: e-mail will be sent.',
  },
  off: {
    vi: 'Chưa cấu hình máy chủ thư (SMTP_HOST): thư điện tử đang tắt, thông báo chỉ hiện trong ứng dụng.',
    en: 'No mail server is configured (SMTP_HOST): e-mail is off, notifications show in the app only.',
  },
  failed: {
    vi: 'Không kết nối được máy chủ thư {server}. Kiểm tra SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER và SMTP_PASSWORD. Chi tiết: {detail}',
    en: 'Could not connect to the mail server {server}. Check SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER and SMTP_PASSWORD. Detail: {detail}',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** Warnings given with a saved meeting: the save went through, but the user should know. */
export const warningMessages = {
  invitation_late: {
    vi: 'Giấy mời gửi trước hội nghị {days} ngày làm việc, ít hơn 3 ngày làm việc theo thông lệ.',
    en: 'The invitation went out {days} working days before the meeting, fewer than the customary 3.',
  },
  agenda_over_length: {
    vi: 'Tổng thời lượng chương trình ({planned} phút) vượt thời gian dự kiến của hội nghị ({length} phút).',
    en: "The agenda's total ({planned} min) exceeds the meeting's planned length ({length} min).",
  },
  agenda_under_length: {
    vi: 'Tổng thời lượng chương trình ({planned} phút) ngắn hơn thời gian dự kiến của hội nghị ({length} phút).',
    en: "The agenda's total ({planned} min) is shorter than the meeting's planned length ({length} min).",
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** Task states and actions as messages name them. */
export const taskLabels = {
  not_started: { vi: 'chưa thực hiện', en: 'not started' },
  in_progress: { vi: 'đang thực hiện', en: 'in progress' },
  reported_done: { vi: 'đã báo cáo hoàn thành', en: 'reported done' },
  returned: { vi: 'bị trả lại', en: 'returned' },
  accepted: { vi: 'đã hoàn thành', en: 'accepted' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
  start: { vi: 'bắt đầu thực hiện', en: 'start' },
  report_done: { vi: 'báo cáo hoàn thành', en: 'report done' },
  accept: { vi: 'công nhận hoàn thành', en: 'accept' },
  return: { vi: 'trả lại', en: 'return' },
  resume: { vi: 'tiếp tục thực hiện', en: 'resume' },
  cancel: { vi: 'hủy', en: 'cancel' },
} as const satisfies Record<string, Record<Lang, string>>;

const typeNames: Record<string, Record<Lang, string>> = {
  string: { vi: 'chuỗi ký tự', en: 'a string' },
  integer: { vi: 'số nguyên', en: 'an integer' },
  number: { vi: 'số', en: 'a number' },
  boolean: { vi: 'đúng/sai', en: 'true or false' },
  object: { vi: 'đối tượng', en: 'an object' },
  array: { vi: 'danh sách', en: 'a list' },
  null: { vi: 'rỗng', en: 'null' },
};

/** Fills `{name}` placeholders. */
export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function typeName(type: string, lang: Lang): string {
  return type
    .split(',')
    .map((t) => typeNames[t]?.[lang] ?? t)
    .join(lang === 'vi' ? ' hoặc ' : ' or ');
}
