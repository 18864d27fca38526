import { demoTime, type DemoContext } from '../demo/demo-context.ts';
import { parseVietnameseDateTime } from '../text/index.ts';

/*
 * The portal's demo: a few articles written for the demo (facts from the Từ Sơn briefing of
 * 11/10/2017, wording our own), published at their historical times with their view counts,
 * plus one scheduled and one draft article so the workspace shows the workflow.
 */

const CATEGORIES = [
  { slug: 'tin-hoat-dong', name: 'Tin hoạt động' },
  { slug: 'xay-dung-dang', name: 'Xây dựng Đảng' },
  { slug: 'mat-tran-doan-the', name: 'Mặt trận - Đoàn thể' },
] as const;
type CategorySlug = (typeof CATEGORIES)[number]['slug'];

interface DemoArticle {
  title: string;
  summary: string;
  paragraphs: string[];
  byline: string;
  at: string;
  views: number;
  categories: CategorySlug[];
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: 'Giao ban khối Đảng, đoàn thể Quý III/2017: dồn sức cho các nhiệm vụ cuối năm',
    summary:
      'Ngày 11/10/2017, Thường trực Thị ủy Từ Sơn nghe các ban xây dựng Đảng, Mặt trận và đoàn thể báo cáo kết quả Quý III và bàn nhiệm vụ Quý IV.',
    paragraphs: [
      'Buổi giao ban khối Đảng, đoàn thể Quý III/2017 do Thị ủy Từ Sơn triệu tập diễn ra sáng 11/10. Đồng chí Nguyễn Văn Toán, Phó Bí thư Thường trực Thị ủy, điều hành hội nghị.',
      'Lần lượt các ban xây dựng Đảng, Ủy ban MTTQ và các đoàn thể thị xã trình bày nhanh những việc đã làm trong quý và hướng triển khai Quý IV năm 2017. Điểm chung của các báo cáo là việc theo sát diễn biến tư tưởng trong nhân dân, tuyên truyền kịp thời chủ trương của Đảng, chính sách của Nhà nước, của tỉnh và thị xã, nhất là vận động người dân ủng hộ giải phóng mặt bằng cho các dự án.',
      'Công tác giáo dục chính trị tư tưởng, kiểm tra, giám sát tổ chức Đảng và đảng viên tiếp tục được chú trọng. Nhân 70 năm ngày Thương binh - Liệt sĩ, Mặt trận và các đoàn thể đã thăm hỏi, tặng quà gia đình chính sách và hội viên khó khăn, góp sức xây nhà tình thương cho hộ nghèo; các hội mở lớp tập huấn, dựng thêm câu lạc bộ và hướng dẫn hội viên thực hiện Nghị quyết 20 và Nghị quyết 191 của HĐND tỉnh.',
      'Các đơn vị cũng nêu thẳng những việc còn vướng, đề xuất cách tháo gỡ và kiến nghị Thị ủy tiếp tục chỉ đạo sát sao để hoàn thành mục tiêu năm 2017.',
      'Kết luận hội nghị, đồng chí Phó Bí thư Thường trực ghi nhận kết quả các đơn vị đạt được, đồng thời chỉ ra những mặt còn hạn chế. Thời gian tới, các ngành, đoàn thể cần làm tốt hơn vai trò tham mưu; trước mắt dồn nguồn lực cho dự án trên địa bàn phường Đồng Kỵ, phát động ủng hộ quỹ "Vì người nghèo" năm 2017, làm tốt công tác cán bộ, kiểm tra, giám sát theo Điều 30, Điều 32 Điều lệ Đảng và định hướng dư luận xã hội.',
    ],
    byline: 'Thu Thủy - Xuân Khương',
    at: '12/10/2017 08:56',
    views: 551,
    categories: ['tin-hoat-dong', 'xay-dung-dang'],
  },
  {
    title: 'Phát động ủng hộ quỹ "Vì người nghèo" năm 2017',
    summary: 'Ủy ban MTTQ thị xã kêu gọi cán bộ, đảng viên và nhân dân chung tay giúp hộ nghèo.',
    paragraphs: [
      'Thực hiện kết luận giao ban Quý III, Ủy ban MTTQ thị xã Từ Sơn phát động đợt ủng hộ quỹ "Vì người nghèo" năm 2017 tới các cơ quan, phường, xã và doanh nghiệp trên địa bàn.',
      'Số tiền vận động được sẽ dùng để hỗ trợ sửa chữa nhà ở, trao sổ tiết kiệm và giúp vốn sản xuất cho các hộ nghèo, hộ cận nghèo trước dịp Tết.',
    ],
    byline: 'Minh Anh',
    at: '17/10/2017 15:20',
    views: 214,
    categories: ['mat-tran-doan-the'],
  },
  {
    title: 'Phường Đồng Kỵ tập trung giải phóng mặt bằng dự án trọng điểm',
    summary: 'Đảng ủy phường lập tổ công tác, đến từng hộ để lắng nghe và giải thích chính sách.',
    paragraphs: [
      'Sau chỉ đạo của Thị ủy tại hội nghị giao ban, Đảng ủy phường Đồng Kỵ đã thành lập tổ công tác gồm cán bộ phường, Mặt trận và các đoàn thể để vận động các hộ có đất trong phạm vi dự án.',
      'Tổ công tác tổ chức đối thoại tại từng khu phố, công khai phương án bồi thường và tiếp nhận ý kiến của người dân ngay tại buổi gặp.',
    ],
    byline: 'Xuân Khương',
    at: '20/10/2017 10:05',
    views: 187,
    categories: ['tin-hoat-dong'],
  },
  {
    title: 'Hội LHPN thị xã trao nhà tình thương cho hội viên khó khăn',
    summary: 'Ngôi nhà mới được xây từ nguồn đóng góp của hội viên và các nhà hảo tâm.',
    paragraphs: [
      'Hội Liên hiệp Phụ nữ thị xã Từ Sơn vừa bàn giao nhà tình thương cho một hội viên có hoàn cảnh đặc biệt khó khăn ở phường Đình Bảng.',
      'Đây là ngôi nhà thứ ba Hội hỗ trợ xây dựng trong năm 2017, góp phần cùng Mặt trận chăm lo cho hộ nghèo trên địa bàn.',
    ],
    byline: 'Thu Thủy',
    at: '28/09/2017 16:40',
    views: 96,
    categories: ['mat-tran-doan-the'],
  },
  {
    title: 'Ban Tuyên giáo Thị ủy tổ chức hội nghị báo cáo viên tháng 10',
    summary:
      'Báo cáo viên được thông tin về tình hình thời sự và định hướng tuyên truyền trong quý IV.',
    paragraphs: [
      'Hội nghị báo cáo viên tháng 10 của Ban Tuyên giáo Thị ủy tập trung vào những điểm mới trong chỉ đạo của Tỉnh ủy và các ngày lễ lớn cuối năm.',
      'Các báo cáo viên được đề nghị bám sát cơ sở, kịp thời nắm bắt dư luận để phản ánh về Thị ủy.',
    ],
    byline: 'Ban Tuyên giáo Thị ủy',
    at: '05/10/2017 09:15',
    views: 143,
    categories: ['xay-dung-dang'],
  },
];

/**
 * As the portal's editor (bientap) did it: the categories in September 2017, then each article
 * written an hour before it went out and published at its time; the readers' views as counted.
 */
export async function loadPortalDemo(demo: DemoContext): Promise<void> {
  // Loaded on use: the CLI imports the demo for every command, and these pull in the sanitizer.
  const { createCategory } = await import('./categories.service.ts');
  const { createArticle, transitionArticle } = await import('./articles.service.ts');
  const { countViews } = await import('./public.service.ts');
  const { paragraphsToHtml } = await import('./import/import.service.ts');
  const { trx } = demo;
  const editor = (at: string) => demo.as('bientap', at);
  const categoryIds = new Map<string, number>();
  for (const c of CATEGORIES) {
    const created = await createCategory(trx, editor(demoTime('2017-09-04')), { ...c });
    categoryIds.set(c.slug, created.id);
  }
  const articles = DEMO_ARTICLES.map((a) => {
    const at = parseVietnameseDateTime(a.at);
    if (!at) throw new Error(`bad demo date ${a.at}`);
    return { ...a, at: at.toISOString() };
  }).sort((x, y) => x.at.localeCompare(y.at));
  for (const a of articles) {
    const written = new Date(Date.parse(a.at) - 3600_000).toISOString();
    const draft = await createArticle(trx, editor(written), {
      title: a.title,
      summary: a.summary,
      bodyHtml: paragraphsToHtml(a.paragraphs),
      byline: a.byline,
      categoryIds: a.categories.map((s) => categoryIds.get(s)!),
    });
    await transitionArticle(trx, editor(a.at), draft.id, {
      version: draft.version,
      action: 'publish',
    });
    await countViews(trx, draft.id, a.views);
  }
  // The workflow in the workspace: one article waiting for its time, one still a draft. The
  // first goes out a week after the demo is loaded, so that it is still waiting when opened.
  const scheduled = await createArticle(trx, editor(demoTime('2017-10-23')), {
    title: 'Lịch giao ban khối Đảng, đoàn thể Quý IV/2017',
    summary: 'Thông báo thời gian, thành phần dự hội nghị giao ban Quý IV/2017.',
    bodyHtml:
      '<p>Văn phòng Thị ủy thông báo lịch giao ban Quý IV/2017 của khối Đảng, đoàn thể. Các đơn vị gửi báo cáo trước hạn để Văn phòng tổng hợp.</p>',
    byline: 'Văn phòng Thị ủy',
    categoryIds: [categoryIds.get('tin-hoat-dong')!],
  });
  await transitionArticle(trx, editor(demoTime('2017-10-23', '09:10')), scheduled.id, {
    version: scheduled.version,
    action: 'schedule',
    publishAt: new Date(Date.parse(demo.present()) + 7 * 24 * 3600 * 1000).toISOString(),
  });
  await createArticle(trx, editor(demoTime('2017-10-24', '14:00')), {
    title: 'Đoàn Thanh niên ra quân tình nguyện mùa đông (bản nháp)',
    bodyHtml: '<p>Bản nháp: nội dung đang được biên tập viên hoàn thiện.</p>',
    byline: 'Thị đoàn Từ Sơn',
    categoryIds: [categoryIds.get('mat-tran-doan-the')!],
  });
}
