import { makeFeatureI18n } from '../types';

/** The projector page's strings: Vietnamese first, English with the same keys. */
const vi = {
  'projector.pageTitle': 'Màn hình hội nghị',
  'projector.fullscreen': 'Toàn màn hình',
  'projector.exitFullscreen': 'Thoát toàn màn hình',
  'projector.disconnected': 'Mất kết nối — đang nối lại',
  'projector.connecting': 'Đang kết nối…',
  'projector.current': 'Đang phát biểu',
  'projector.timeLeft': 'Thời gian còn lại',
  'projector.overtime': 'Quá giờ',
  'projector.paused': 'Tạm dừng',
  'projector.planned': 'Thời lượng: {time}',
  'projector.next': 'Tiếp theo',
  'projector.noNext': 'Không còn người phát biểu tiếp theo.',
  'projector.total': 'Tổng thời gian',
  'projector.totalValue': '{spent} / {planned} theo kế hoạch',
  'projector.items': 'Đã xong {done}/{items} nội dung',
  'projector.state.planned': 'Hội nghị sắp bắt đầu',
  'projector.state.between': 'Mời đại biểu phát biểu tiếp theo',
  'projector.state.concluded': 'Hội nghị đã kết thúc',
  'projector.state.cancelled': 'Hội nghị đã hủy',
  'projector.error': 'Không mở được màn hình hội nghị: {message}',
  'projector.retry': 'Thử lại',
} as const;

const en: Record<keyof typeof vi, string> = {
  'projector.pageTitle': 'Meeting screen',
  'projector.fullscreen': 'Full screen',
  'projector.exitFullscreen': 'Exit full screen',
  'projector.disconnected': 'Connection lost — reconnecting',
  'projector.connecting': 'Connecting…',
  'projector.current': 'Speaking now',
  'projector.timeLeft': 'Time left',
  'projector.overtime': 'Over time',
  'projector.paused': 'Paused',
  'projector.planned': 'Planned: {time}',
  'projector.next': 'Next',
  'projector.noNext': 'No more speakers.',
  'projector.total': 'Total time',
  'projector.totalValue': '{spent} of {planned} planned',
  'projector.items': '{done} of {items} items done',
  'projector.state.planned': 'The meeting will begin shortly',
  'projector.state.between': 'The next speaker is invited',
  'projector.state.concluded': 'The meeting has ended',
  'projector.state.cancelled': 'The meeting was cancelled',
  'projector.error': 'Cannot open the meeting screen: {message}',
  'projector.retry': 'Try again',
};

export const useProjectorI18n = makeFeatureI18n({ vi, en });
