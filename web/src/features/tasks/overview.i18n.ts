import { makeFeatureI18n } from '../types';

const vi = {
  'overview.title': 'Tổng quan nhiệm vụ',
  'overview.menu': 'Tổng quan nhiệm vụ',
  'overview.intro':
    'Nhiệm vụ do {unit} giao, tính đến hôm nay {today}. Bấm vào một con số để xem danh sách nhiệm vụ.',
  'overview.convener': 'Đơn vị giao nhiệm vụ',
  'overview.open': 'Đang thực hiện',
  'overview.overdue': 'Quá hạn',
  'overview.dueSoon': 'Đến hạn trong {days} ngày',
  'overview.dueSoonShort': 'Sắp đến hạn',
  'overview.unitsNote':
    'Sắp đến hạn: hạn trong {days} ngày tới. Hoàn thành: số nhiệm vụ đơn vị chủ trì đã được công nhận hoàn thành trên số nhiệm vụ được giao (không kể nhiệm vụ đã hủy).',
  'overview.rate': 'Tỷ lệ hoàn thành',
  'overview.rateOf': '{accepted}/{assigned} nhiệm vụ',
  'overview.extended': 'Được gia hạn',
  'overview.extensions': '{n} lần gia hạn',
  'overview.units': 'Theo đơn vị',
  'overview.unit': 'Đơn vị',
  'overview.lead': 'Chủ trì',
  'overview.coordinating': 'Phối hợp',
  'overview.done': 'Hoàn thành',
  'overview.meetings': 'Theo hội nghị giao nhiệm vụ',
  'overview.meeting': 'Hội nghị',
  'overview.quarters': 'Hoàn thành đúng hạn và trễ hạn theo quý',
  'overview.quarter': 'Quý',
  'overview.onTime': 'Đúng hạn',
  'overview.late': 'Trễ hạn',
  'overview.quartersNote':
    'Ngày hoàn thành là ngày đơn vị chủ trì báo cáo hoàn thành lần cuối (được Văn phòng công nhận).',
  'overview.noTasks': 'Chưa có nhiệm vụ nào.',
  'overview.noDone': 'Chưa có nhiệm vụ nào được công nhận hoàn thành.',
  'overview.noMeetings': 'Chưa có nhiệm vụ nào giao từ kết luận hội nghị.',
  'overview.chartLabel': 'Biểu đồ số nhiệm vụ hoàn thành đúng hạn và trễ hạn theo quý',
  'overview.listFilter': 'Theo số liệu của Tổng quan nhiệm vụ',
  'overview.listFilterClear': 'Bỏ lọc theo Tổng quan nhiệm vụ',
};
type Key = keyof typeof vi;

const en: Record<Key, string> = {
  'overview.title': 'Tasks overview',
  'overview.menu': 'Tasks overview',
  'overview.intro':
    'Tasks given by {unit}, as of today {today}. Click a figure to see the list of its tasks.',
  'overview.convener': 'Convening unit',
  'overview.open': 'Open',
  'overview.overdue': 'Overdue',
  'overview.dueSoon': 'Due within {days} days',
  'overview.dueSoonShort': 'Due soon',
  'overview.unitsNote':
    'Due soon: within the next {days} days. Done: the tasks the unit leads accepted as done, of those given to it (cancelled ones aside).',
  'overview.rate': 'Completion rate',
  'overview.rateOf': '{accepted} of {assigned} tasks',
  'overview.extended': 'Extended',
  'overview.extensions': '{n} extensions',
  'overview.units': 'By unit',
  'overview.unit': 'Unit',
  'overview.lead': 'Lead',
  'overview.coordinating': 'Coordinating',
  'overview.done': 'Done',
  'overview.meetings': 'By source meeting',
  'overview.meeting': 'Meeting',
  'overview.quarters': 'Done on time and late, per quarter',
  'overview.quarter': 'Quarter',
  'overview.onTime': 'On time',
  'overview.late': 'Late',
  'overview.quartersNote':
    'A task is done on the day its lead unit last reported it done (accepted by the secretariat).',
  'overview.noTasks': 'No tasks yet.',
  'overview.noDone': 'No task has been accepted as done yet.',
  'overview.noMeetings': "No task was given from a meeting's conclusion yet.",
  'overview.chartLabel': 'Chart of the tasks done on time and late, per quarter',
  'overview.listFilter': 'As counted in the tasks overview',
  'overview.listFilterClear': "Clear the tasks overview's filter",
};

export const useOverviewI18n = makeFeatureI18n<Key>({ vi, en });
