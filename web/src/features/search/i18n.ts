import { makeFeatureI18n } from '../types';

const vi = {
  'box.label': 'Tìm trong trang làm việc',
  'box.placeholder': 'Tìm báo cáo, kết luận, nhiệm vụ…',
  'page.title': 'Tìm kiếm',
  'page.intro':
    'Tìm trong báo cáo, kiến nghị, biên bản, kết luận và chỉ đạo, nhiệm vụ và bài viết cổng thông tin mà bạn được xem. Gõ có dấu hoặc không dấu.',
  'page.kind': 'Loại',
  'page.allKinds': 'Tất cả các loại',
  'page.count': '{count} kết quả',
  'page.countMore': 'Hơn {count} kết quả; thêm từ để thu hẹp',
  'page.none': 'Không tìm thấy kết quả nào cho “{q}”.',
  'page.empty': 'Nhập từ cần tìm vào ô tìm kiếm.',
  'page.timedOut': 'Tìm kiếm mất quá nhiều thời gian. Thử lại với từ khóa cụ thể hơn.',
  'page.results': 'Kết quả tìm kiếm',
  'page.prev': 'Trang trước',
  'page.next': 'Trang sau',
  'page.pageOf': 'Trang {page}',
  'page.external': '(mở trên cổng thông tin)',
  'kind.report': 'Báo cáo',
  'kind.proposal': 'Kiến nghị',
  'kind.minutes': 'Biên bản',
  'kind.conclusion': 'Kết luận',
  'kind.task': 'Nhiệm vụ',
  'kind.article': 'Bài viết',
};

const en: Record<keyof typeof vi, string> = {
  'box.label': 'Search the workspace',
  'box.placeholder': 'Search reports, conclusions, tasks…',
  'page.title': 'Search',
  'page.intro':
    'Searches the reports, proposals, minutes, conclusions and directives, tasks and portal articles you may open. Type with or without diacritics.',
  'page.kind': 'Kind',
  'page.allKinds': 'All kinds',
  'page.count': '{count} results',
  'page.countMore': 'More than {count} results; add words to narrow them',
  'page.none': 'Nothing found for “{q}”.',
  'page.empty': 'Type what to look for in the search box.',
  'page.timedOut': 'The search took too long. Try again with more specific words.',
  'page.results': 'Search results',
  'page.prev': 'Previous page',
  'page.next': 'Next page',
  'page.pageOf': 'Page {page}',
  'page.external': '(opens on the portal)',
  'kind.report': 'Report',
  'kind.proposal': 'Proposal',
  'kind.minutes': 'Minutes',
  'kind.conclusion': 'Conclusion',
  'kind.task': 'Task',
  'kind.article': 'Article',
};

export const useSearchI18n = makeFeatureI18n({ vi, en });
