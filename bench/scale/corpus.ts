/*
 * A seeded generator of Vietnamese local news: the briefings, campaigns and emulation movements
 * of a province's Party committees, Fatherland Front and mass organizations. The same seed
 * always gives the same 100,000 articles, so figures from two runs describe the same corpus.
 *
 * Words were chosen to give the benchmark's searches known sizes:
 * - every article names the Party ("Đảng") and most a ward ("phường") and a meeting ("hội nghị"):
 *   the commonest words;
 * - each article names one of 80 communes and wards, so a two-word place name matches ~1/80;
 * - each article cites one plan number out of 40,000, so a number matches 2–3 articles.
 */

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

export const PLACES = [
  'Đông Ngàn',
  'Đồng Nguyên',
  'Tân Hồng',
  'Châu Khê',
  'Đình Bảng',
  'Trang Hạ',
  'Đồng Kỵ',
  'Phù Chẩn',
  'Hương Mạc',
  'Tam Sơn',
  'Tương Giang',
  'Phù Khê',
  'Vạn An',
  'Hòa Long',
  'Kinh Bắc',
  'Vệ An',
  'Suối Hoa',
  'Tiền An',
  'Ninh Xá',
  'Võ Cường',
  'Đại Phúc',
  'Khúc Xuyên',
  'Phong Khê',
  'Vân Dương',
  'Nam Sơn',
  'Hạp Lĩnh',
  'Khắc Niệm',
  'Kim Chân',
  'Vũ Ninh',
  'Thị Cầu',
  'Hòa Phong',
  'Mộ Đạo',
  'Bằng An',
  'Việt Hùng',
  'Nhân Hòa',
  'Phương Liễu',
  'Quế Tân',
  'Đức Long',
  'Chi Lăng',
  'Yên Giả',
  'Cách Bi',
  'Đào Viên',
  'Bồng Lai',
  'Phù Lương',
  'Ngọc Xá',
  'Châu Phong',
  'Việt Thống',
  'Đại Xuân',
  'Nhân Thắng',
  'Lâm Thao',
  'Trung Kênh',
  'Mỹ Hương',
  'An Thịnh',
  'Trung Chính',
  'Phú Hòa',
  'Quảng Phú',
  'Bình Định',
  'Lai Hạ',
  'Minh Tân',
  'Trừng Xá',
  'Gia Đông',
  'Hà Mãn',
  'Ngũ Thái',
  'Song Liễu',
  'Thanh Khương',
  'Xuân Lâm',
  'Mão Điền',
  'An Bình',
  'Song Hồ',
  'Ninh Hiệp',
  'Xuân Lai',
  'Cao Đức',
  'Tân Chi',
  'Lạc Vệ',
  'Hiên Vân',
  'Hoàn Sơn',
  'Liên Bão',
  'Phật Tích',
  'Đại Đồng',
  'Tri Phương',
] as const;

/** The two-word place whose search matches about 1 in 80 articles. */
export const MEDIUM_PLACE = 'Hạp Lĩnh';

const ORGS = [
  'Ủy ban Mặt trận Tổ quốc',
  'Hội Liên hiệp Phụ nữ',
  'Hội Nông dân',
  'Hội Cựu chiến binh',
  'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
  'Liên đoàn Lao động',
  'Ban Tuyên giáo',
  'Ban Dân vận',
  'Ban Tổ chức',
  'Ủy ban Kiểm tra',
  'Hội Người cao tuổi',
  'Hội Chữ thập đỏ',
  'Hội Khuyến học',
] as const;
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Ngô', 'Đỗ', 'Vũ', 'Bùi', 'Đặng'];
const MIDDLES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hữu', 'Quang', 'Ngọc', 'Thanh', 'Xuân'];
const GIVEN = [
  'Toán',
  'Hằng',
  'Lan',
  'Quang',
  'Thủy',
  'Khương',
  'Hùng',
  'Dũng',
  'Mai',
  'Tuấn',
  'Hà',
  'Bình',
  'Phương',
  'Sơn',
  'Hải',
  'Yến',
  'Long',
  'Nga',
  'Thắng',
  'Vinh',
  'Trang',
  'Cường',
];
const POSTS = [
  'Phó Bí thư Thường trực',
  'Bí thư Đảng ủy',
  'Chủ tịch Ủy ban nhân dân',
  'Trưởng ban Dân vận',
  'Chủ tịch Hội',
  'Bí thư Đoàn',
  'Chủ tịch Ủy ban Mặt trận',
  'Trưởng ban Tuyên giáo',
];
const TOPICS = [
  'xây dựng nông thôn mới',
  'chuyển đổi số',
  'cải cách hành chính',
  'bảo vệ môi trường',
  'xóa nhà tạm, nhà dột nát',
  'phòng, chống tham nhũng, lãng phí',
  'an sinh xã hội',
  'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'phát triển làng nghề',
  'xây dựng đô thị văn minh',
  'giảm nghèo bền vững',
  'phòng, chống dịch bệnh',
  'bảo đảm an ninh trật tự',
  'khuyến học, khuyến tài',
  'chăm lo người có công',
];
const MOVEMENTS = [
  '"Ngày thứ Bảy tình nguyện"',
  '"Toàn dân đoàn kết xây dựng đời sống văn hóa"',
  '"Phụ nữ tích cực học tập, lao động sáng tạo"',
  '"Nông dân thi đua sản xuất kinh doanh giỏi"',
  '"Cựu chiến binh gương mẫu"',
  '"Dân vận khéo"',
  '"Tuổi trẻ xung kích"',
  '"Vì người nghèo"',
  '"Xanh, sạch, đẹp"',
  '"Mái ấm công đoàn"',
];
const QUARTERS = ['Quý I', 'Quý II', 'Quý III', 'Quý IV', '6 tháng đầu năm', '9 tháng'];

interface Slots {
  place: string;
  org: string;
  person: string;
  post: string;
  topic: string;
  movement: string;
  quarter: string;
  year: number;
  plan: number;
}

// Sentence templates, written for this benchmark. {x} are filled from the article's slots or
// drawn afresh ({n} a number, {pct} a percentage, {org2} another organization).
const OPENINGS = [
  'Sáng nay, Đảng ủy phường {place} tổ chức hội nghị giao ban khối Đảng, đoàn thể {quarter} năm {year}.',
  'Chiều qua, {org} phường {place} tổ chức hội nghị sơ kết công tác {quarter} năm {year}, triển khai nhiệm vụ thời gian tới.',
  'Thực hiện Kế hoạch số {plan}-KH/ĐU của Đảng ủy, phường {place} ra quân hưởng ứng phong trào {movement}.',
  'Ban Thường vụ Đảng ủy phường {place} vừa tổ chức hội nghị chuyên đề về {topic}.',
];
const BODY = [
  'Đồng chí {person}, {post}, chủ trì hội nghị.',
  'Dự hội nghị có đại diện lãnh đạo các ban xây dựng Đảng, Ủy ban Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội.',
  'Theo báo cáo, {quarter} năm {year}, các tổ chức cơ sở Đảng đã bám sát nghị quyết, chủ động triển khai nhiệm vụ chính trị ở địa phương.',
  'Công tác tuyên truyền được đẩy mạnh với {n} buổi sinh hoạt chuyên đề, thu hút {n2} lượt đảng viên và quần chúng tham gia.',
  '{org} đã vận động hội viên đóng góp {n} triệu đồng ủng hộ quỹ {movement}.',
  'Phong trào {movement} tiếp tục lan tỏa, nhiều mô hình hay, cách làm sáng tạo được nhân rộng trong các khu phố.',
  'Trong công tác {topic}, phường {place} đạt {pct}% kế hoạch năm, vượt tiến độ đề ra.',
  'Các chi bộ duy trì nền nếp sinh hoạt định kỳ, nâng cao chất lượng sinh hoạt chi bộ gắn với nhiệm vụ cụ thể.',
  'Ủy ban Kiểm tra Đảng ủy đã kiểm tra, giám sát {n} tổ chức đảng và {n2} đảng viên, kịp thời chấn chỉnh những thiếu sót.',
  '{org2} phối hợp tổ chức {n} lớp tập huấn về {topic} cho cán bộ cơ sở.',
  'Công tác phát triển đảng viên được quan tâm, {quarter} đã kết nạp {n} đảng viên mới, trong đó có nhiều đoàn viên ưu tú.',
  'Bên cạnh kết quả đạt được, hội nghị thẳng thắn chỉ ra hạn chế: việc nắm bắt tâm tư, nguyện vọng của nhân dân có lúc chưa kịp thời.',
  'Một số chỉ tiêu về {topic} còn đạt thấp, sự phối hợp giữa các đoàn thể có nơi chưa chặt chẽ.',
  'Các đại biểu tập trung thảo luận, đề xuất nhiều giải pháp tháo gỡ khó khăn, vướng mắc ở cơ sở.',
  'Đại diện {org} kiến nghị Đảng ủy tiếp tục quan tâm chỉ đạo, bố trí kinh phí cho hoạt động của các tổ dân phố.',
  'Phát biểu kết luận hội nghị, đồng chí {person} ghi nhận, biểu dương những kết quả mà khối Đảng, đoàn thể đạt được.',
  'Đồng chí yêu cầu các cấp ủy, tổ chức đảng phát huy tinh thần đoàn kết, huy động mọi nguồn lực hoàn thành chỉ tiêu của năm.',
  'Mặt trận và các đoàn thể cần đổi mới nội dung, phương thức hoạt động, hướng mạnh về khu dân cư.',
  'Cán bộ, đảng viên phải gương mẫu, nói đi đôi với làm, gần dân, hiểu dân, giúp dân.',
  'Nhân dịp này, {org} phường {place} trao {n} suất quà cho hộ nghèo, gia đình chính sách trên địa bàn.',
  'Hội nghị cũng triển khai kế hoạch tổ chức đại hội chi bộ và đại hội các đoàn thể nhiệm kỳ mới.',
  'Đến nay, {pct}% hộ gia đình trên địa bàn phường {place} đạt danh hiệu gia đình văn hóa.',
  'Hội viên {org2} tích cực tham gia giữ gìn vệ sinh môi trường, trồng {n} cây xanh tại các tuyến phố.',
  'Thời gian tới, Đảng ủy phường tập trung lãnh đạo thực hiện thắng lợi các mục tiêu của nghị quyết đại hội.',
];
const CLOSINGS = [
  'Hội nghị đã thống nhất các nhiệm vụ trọng tâm {quarter} tiếp theo.',
  'Dịp này, nhiều tập thể, cá nhân có thành tích xuất sắc được tặng giấy khen.',
  'Các đoàn thể cam kết thực hiện nghiêm kết luận của hội nghị.',
];
const TITLES = [
  'Phường {place} giao ban khối Đảng, đoàn thể {quarter} năm {year}',
  '{org} phường {place} sơ kết công tác {quarter}',
  'Phường {place} đẩy mạnh {topic}',
  'Lan tỏa phong trào {movement} ở phường {place}',
  'Đảng ủy phường {place} hội nghị chuyên đề về {topic}',
];

export interface GeneratedArticle {
  title: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  byline: string;
  /** ISO UTC, spread over 2010–2026, newest last. */
  publishAt: string;
  views: number;
  /** The plan number cited ("Kế hoạch số N"): each one is cited by 2–3 articles. */
  plan: number;
  /** Index into the categories of the corpus (0–4). */
  category: number;
}

function fill(template: string, s: Slots, r: () => number): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'n':
        return String(2 + Math.floor(r() * 180));
      case 'n2':
        return String(100 + Math.floor(r() * 2400));
      case 'pct':
        return String(60 + Math.floor(r() * 40));
      case 'org2':
        return pick(r, ORGS);
      case 'year':
        return String(s.year);
      case 'plan':
        return String(s.plan);
      default:
        return String(s[key as keyof Slots]);
    }
  });
}

export const PLAN_RANGE = { from: 10_000, count: 40_000 };
const START = Date.UTC(2010, 0, 1);
const END = Date.UTC(2026, 10, 1);

/** Article `i` of `total` (deterministic in `seed` and `i`). */
export function article(seed: number, i: number, total: number): GeneratedArticle {
  const r = rng(seed * 1_000_003 + i);
  const at = START + Math.floor(((END - START) * (i + r())) / total);
  const slots: Slots = {
    place: pick(r, PLACES),
    org: pick(r, ORGS),
    person: `${pick(r, SURNAMES)} ${pick(r, MIDDLES)} ${pick(r, GIVEN)}`,
    post: pick(r, POSTS),
    topic: pick(r, TOPICS),
    movement: pick(r, MOVEMENTS),
    quarter: pick(r, QUARTERS),
    year: new Date(at).getUTCFullYear(),
    plan: PLAN_RANGE.from + Math.floor(r() * PLAN_RANGE.count),
  };
  const sentences = [
    fill(pick(r, OPENINGS), slots, r),
    fill('Hội nghị đánh giá kết quả thực hiện Kế hoạch số {plan}-KH/ĐU về {topic}.', slots, r),
  ];
  // ~490 words: about 27 sentences of 18 words.
  let words = 0;
  while (words < 470) {
    const s = fill(pick(r, BODY), slots, r);
    words += s.split(' ').length;
    sentences.push(s);
  }
  sentences.push(fill(pick(r, CLOSINGS), slots, r));
  const paragraphs: string[] = [];
  for (let k = 0; k < sentences.length; k += 4)
    paragraphs.push(sentences.slice(k, k + 4).join(' '));
  const byline = `${pick(r, GIVEN)} ${pick(r, GIVEN)} - ${pick(r, MIDDLES)} ${pick(r, GIVEN)}`;
  return {
    title: fill(pick(r, TITLES), slots, r),
    paragraphs,
    byline,
    publishAt: new Date(at).toISOString(),
    views: Math.floor(r() * 3000),
    plan: slots.plan,
    category: Math.floor(r() * 5),
  };
}

export const CATEGORIES = [
  { slug: 'xay-dung-dang', name: 'Xây dựng Đảng' },
  { slug: 'mat-tran-doan-the', name: 'Mặt trận - Đoàn thể' },
  { slug: 'kinh-te-xa-hoi', name: 'Kinh tế - Xã hội' },
  { slug: 'van-hoa-giao-duc', name: 'Văn hóa - Giáo dục' },
  { slug: 'quoc-phong-an-ninh', name: 'Quốc phòng - An ninh' },
] as const;

/** The legacy plain-text page of an article, as the importer reads it. */
export function legacyText(a: GeneratedArticle): string {
  const d = new Date(Date.parse(a.publishAt) + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return [a.title, `${when} Số lượt xem: ${a.views}`, '', ...a.paragraphs, '', a.byline, ''].join(
    '\n',
  );
}
