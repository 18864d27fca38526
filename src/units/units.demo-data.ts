import type { Role, UnitKind } from './roles.ts';

/*
 * The demo: Thị ủy Từ Sơn (Bắc Ninh) in 2017, when Từ Sơn was a town (thị xã), with its
 * Party-building boards, the Fatherland Front, the mass organizations and three ward Party
 * committees. Written for this project from the facts of the portal article it is modelled on.
 */

export interface DemoUnit {
  key: string;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  children?: DemoUnit[];
}

export const DEMO_PASSWORD = 'giaoban2017';

export const DEMO_TREE: DemoUnit = {
  key: 'thiuy',
  kind: 'party_committee',
  name: 'Thị ủy Từ Sơn',
  shortName: 'Thị ủy',
  children: [
    { key: 'vanphong', kind: 'party_board', name: 'Văn phòng Thị ủy', shortName: 'Văn phòng' },
    { key: 'bantochuc', kind: 'party_board', name: 'Ban Tổ chức Thị ủy', shortName: 'Ban Tổ chức' },
    {
      key: 'bantuyengiao',
      kind: 'party_board',
      name: 'Ban Tuyên giáo Thị ủy',
      shortName: 'Ban Tuyên giáo',
    },
    { key: 'bandanvan', kind: 'party_board', name: 'Ban Dân vận Thị ủy', shortName: 'Ban Dân vận' },
    { key: 'ubkt', kind: 'party_board', name: 'Ủy ban Kiểm tra Thị ủy', shortName: 'UBKT' },
    {
      key: 'mttq',
      kind: 'fatherland_front',
      name: 'Ủy ban Mặt trận Tổ quốc Việt Nam thị xã Từ Sơn',
      shortName: 'MTTQ',
    },
    {
      key: 'thidoan',
      kind: 'mass_organization',
      name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh thị xã Từ Sơn',
      shortName: 'Thị đoàn',
    },
    {
      key: 'hoiphunu',
      kind: 'mass_organization',
      name: 'Hội Liên hiệp Phụ nữ thị xã Từ Sơn',
      shortName: 'Hội LHPN',
    },
    {
      key: 'hoinongdan',
      kind: 'mass_organization',
      name: 'Hội Nông dân thị xã Từ Sơn',
      shortName: 'Hội ND',
    },
    {
      key: 'hoiccb',
      kind: 'mass_organization',
      name: 'Hội Cựu chiến binh thị xã Từ Sơn',
      shortName: 'Hội CCB',
    },
    {
      key: 'ldld',
      kind: 'mass_organization',
      name: 'Liên đoàn Lao động thị xã Từ Sơn',
      shortName: 'LĐLĐ',
    },
    {
      key: 'dongky',
      kind: 'grassroots_committee',
      name: 'Đảng ủy phường Đồng Kỵ',
      shortName: 'ĐU Đồng Kỵ',
    },
    {
      key: 'dongngan',
      kind: 'grassroots_committee',
      name: 'Đảng ủy phường Đông Ngàn',
      shortName: 'ĐU Đông Ngàn',
    },
    {
      key: 'dinhbang',
      kind: 'grassroots_committee',
      name: 'Đảng ủy phường Đình Bảng',
      shortName: 'ĐU Đình Bảng',
    },
  ],
};

export interface DemoAccount {
  username: string;
  fullName: string;
  position: string;
  roles: { unit: string; role: Role }[];
}

/** One account per role, all with DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'quantri',
    fullName: 'Đỗ Minh Quang',
    position: 'Chuyên viên công nghệ thông tin, Văn phòng Thị ủy',
    roles: [{ unit: 'thiuy', role: 'admin' }],
  },
  {
    username: 'vanphong',
    fullName: 'Ngô Thị Hằng',
    position: 'Phó Chánh Văn phòng Thị ủy',
    roles: [{ unit: 'thiuy', role: 'secretariat' }],
  },
  {
    username: 'chutri',
    fullName: 'Nguyễn Văn Toán',
    position: 'Phó Bí thư Thường trực Thị ủy',
    roles: [{ unit: 'thiuy', role: 'chair' }],
  },
  {
    username: 'phunu.lanhdao',
    fullName: 'Trần Thị Lan',
    position: 'Chủ tịch Hội Liên hiệp Phụ nữ thị xã',
    roles: [{ unit: 'hoiphunu', role: 'unit_head' }],
  },
  {
    username: 'phunu.tonghop',
    fullName: 'Lê Thị Mai Anh',
    position: 'Cán bộ tổng hợp Hội Liên hiệp Phụ nữ thị xã',
    roles: [{ unit: 'hoiphunu', role: 'reporter' }],
  },
  {
    username: 'bientap',
    fullName: 'Nguyễn Thu Thủy',
    position: 'Biên tập viên Cổng thông tin điện tử thị xã',
    roles: [{ unit: 'thiuy', role: 'editor' }],
  },
];

/** The head and reporter of each reporting unit besides Hội LHPN's (above): `<key>.lanhdao`, `<key>.tonghop`. */
const STAFF: { unit: string; prefix: string; head: [string, string]; reporter: string }[] = [
  {
    unit: 'bantochuc',
    prefix: 'tochuc',
    head: ['Phạm Văn Khải', 'Trưởng Ban Tổ chức Thị ủy'],
    reporter: 'Vũ Thị Ngọc',
  },
  {
    unit: 'bantuyengiao',
    prefix: 'tuyengiao',
    head: ['Nguyễn Đức Long', 'Trưởng Ban Tuyên giáo Thị ủy'],
    reporter: 'Đặng Thị Phượng',
  },
  {
    unit: 'bandanvan',
    prefix: 'danvan',
    head: ['Hoàng Văn Nam', 'Trưởng Ban Dân vận Thị ủy'],
    reporter: 'Bùi Thị Oanh',
  },
  {
    unit: 'ubkt',
    prefix: 'ubkt',
    head: ['Lê Quang Minh', 'Chủ nhiệm Ủy ban Kiểm tra Thị ủy'],
    reporter: 'Trịnh Thị Nga',
  },
  {
    unit: 'mttq',
    prefix: 'mttq',
    head: ['Nguyễn Hữu Thắng', 'Chủ tịch Ủy ban MTTQ thị xã'],
    reporter: 'Phan Thị Thu Trang',
  },
  {
    unit: 'thidoan',
    prefix: 'thidoan',
    head: ['Đỗ Văn Tuấn', 'Bí thư Thị đoàn'],
    reporter: 'Ngô Minh Tú',
  },
  {
    unit: 'hoinongdan',
    prefix: 'nongdan',
    head: ['Nguyễn Văn Sơn', 'Chủ tịch Hội Nông dân thị xã'],
    reporter: 'Lương Thị Yến',
  },
  {
    unit: 'hoiccb',
    prefix: 'ccb',
    head: ['Trần Văn Phúc', 'Chủ tịch Hội Cựu chiến binh thị xã'],
    reporter: 'Đào Văn Quân',
  },
  {
    unit: 'ldld',
    prefix: 'ldld',
    head: ['Vương Thị Thảo', 'Chủ tịch Liên đoàn Lao động thị xã'],
    reporter: 'Tạ Thị Vân',
  },
  {
    unit: 'dongky',
    prefix: 'dongky',
    head: ['Nguyễn Văn Vinh', 'Bí thư Đảng ủy phường Đồng Kỵ'],
    reporter: 'Hà Thị Xuân',
  },
  {
    unit: 'dongngan',
    prefix: 'dongngan',
    head: ['Lê Văn Trung', 'Bí thư Đảng ủy phường Đông Ngàn'],
    reporter: 'Chu Thị Uyên',
  },
  {
    unit: 'dinhbang',
    prefix: 'dinhbang',
    head: ['Nguyễn Văn Việt', 'Bí thư Đảng ủy phường Đình Bảng'],
    reporter: 'Kiều Thị Quyên',
  },
];

/**
 * The people who write, send and approve the other units' reports in the demo (all with
 * DEMO_PASSWORD), so every step of the demo's reports is taken by the account that would have.
 */
export const DEMO_UNIT_STAFF: DemoAccount[] = STAFF.flatMap((s) => [
  {
    username: `${s.prefix}.lanhdao`,
    fullName: s.head[0],
    position: s.head[1],
    roles: [{ unit: s.unit, role: 'unit_head' as const }],
  },
  {
    username: `${s.prefix}.tonghop`,
    fullName: s.reporter,
    position: 'Cán bộ tổng hợp',
    roles: [{ unit: s.unit, role: 'reporter' as const }],
  },
]);
