import { lazy, Suspense, type ReactNode } from 'react';
import {
  AimOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileTextOutlined,
  MessageOutlined,
  ProfileOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Skeleton } from 'antd';
import type { Me, Role } from '../../api/types';
import type { WorkspaceFeature } from '../types';
import { countReportsTodo } from './home';

const ReportsListPage = lazy(() => import('./ReportsListPage'));
const ReportPage = lazy(() => import('./ReportPage'));
const PeriodsPage = lazy(() => import('./PeriodsPage'));
const BoardPage = lazy(() => import('./BoardPage'));
const ProgressPage = lazy(() => import('./ProgressPage'));
const ProposalsPage = lazy(() => import('./ProposalsPage'));
const IndicatorsPage = lazy(() => import('./IndicatorsPage'));
const TemplatesPage = lazy(() => import('./TemplatesPage'));
const TemplateEditPage = lazy(() => import('./TemplateEditPage'));
const ReportSettingsPage = lazy(() => import('./ReportSettingsPage'));
const ReportsHomeSection = lazy(() => import('./HomeSection'));

const page = (element: ReactNode) => <Suspense fallback={<Skeleton active />}>{element}</Suspense>;
const holds =
  (...roles: Role[]) =>
  (user: Me) =>
    user.roles.some((r) => roles.includes(r.role));

/** The reports pages of the workspace. */
export const reportsFeature: WorkspaceFeature = {
  routes: [
    { path: 'reports', element: page(<ReportsListPage />) },
    { path: 'reports/:id', element: page(<ReportPage />) },
    { path: 'periods', element: page(<PeriodsPage />) },
    { path: 'periods/:id', element: page(<BoardPage />) },
    { path: 'progress', element: page(<ProgressPage />) },
    { path: 'proposals', element: page(<ProposalsPage />) },
    { path: 'indicators', element: page(<IndicatorsPage />) },
    { path: 'templates', element: page(<TemplatesPage />) },
    { path: 'templates/:id', element: page(<TemplateEditPage />) },
    { path: 'report-settings', element: page(<ReportSettingsPage />) },
  ],
  menu: [
    {
      key: '/reports',
      icon: <FileTextOutlined aria-hidden />,
      label: { vi: 'Báo cáo đơn vị', en: 'Unit reports' },
      visible: holds('reporter', 'unit_head', 'secretariat', 'chair'),
    },
    {
      key: '/periods',
      icon: <CalendarOutlined aria-hidden />,
      label: { vi: 'Kỳ báo cáo', en: 'Reporting periods' },
      visible: holds('secretariat', 'chair'),
    },
    {
      key: '/progress',
      icon: <BarChartOutlined aria-hidden />,
      label: { vi: 'Tiến độ chỉ tiêu', en: 'Indicator progress' },
      visible: holds('reporter', 'unit_head', 'secretariat', 'chair'),
    },
    {
      key: '/proposals',
      icon: <MessageOutlined aria-hidden />,
      label: { vi: 'Kiến nghị', en: 'Proposals' },
      visible: holds('reporter', 'unit_head', 'secretariat', 'chair'),
    },
    {
      key: '/indicators',
      icon: <AimOutlined aria-hidden />,
      label: { vi: 'Chỉ tiêu', en: 'Indicators' },
      visible: holds('secretariat', 'admin'),
    },
    {
      key: '/templates',
      icon: <ProfileOutlined aria-hidden />,
      label: { vi: 'Mẫu báo cáo', en: 'Report templates' },
      visible: holds('secretariat', 'admin'),
    },
    {
      key: '/report-settings',
      icon: <SettingOutlined aria-hidden />,
      label: { vi: 'Cấu hình báo cáo', en: 'Report settings' },
      visible: holds('secretariat', 'admin'),
    },
  ],
  homeSections: [
    {
      key: 'reports',
      order: 20,
      visible: holds('reporter', 'unit_head', 'secretariat', 'chair'),
      count: countReportsTodo,
      component: ReportsHomeSection,
    },
  ],
  auditDetails: () => import('./audit-labels').then((m) => m.auditDetailLabels),
  auditLabels: {
    entity: {
      report: { vi: 'Báo cáo', en: 'Report' },
      period: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
      template: { vi: 'Mẫu báo cáo', en: 'Report template' },
      indicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
      targets: { vi: 'Chỉ tiêu năm', en: 'Annual targets' },
      report_settings: { vi: 'Cấu hình báo cáo', en: 'Report settings' },
      attachment: { vi: 'Tệp đính kèm', en: 'Attachment' },
      report_reminder: { vi: 'Nhắc nộp báo cáo', en: 'Reminder' },
      proposal: { vi: 'Kiến nghị', en: 'Proposal' },
    },
  },
};
