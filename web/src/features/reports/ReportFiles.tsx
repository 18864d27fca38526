import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, List, Typography } from 'antd';
import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { api, isApiError } from '../../api';
import { reportsKey, uploadFile, type Report } from './api';
import { useReportsI18n } from './i18n';

interface Props {
  report: Report;
  baseVersion: number;
  dirty: boolean;
  onReport: (report: Report) => void;
}

/** A hidden file input behind a button, so the picker opens from a normal, labelled button. */
function FilePicker({
  label,
  accept,
  onFile,
  disabled,
}: {
  label: string;
  accept: string;
  onFile: (f: File) => void;
  disabled: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        icon={label.includes('Excel') ? <UploadOutlined /> : <PaperClipOutlined />}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        aria-label={label}
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

/** The Excel round trip and the attachments of a report. */
export function ReportFiles({ report, baseVersion, dirty, onReport }: Props) {
  const { t } = useReportsI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [excelErrors, setExcelErrors] = useState<{
    message: string;
    fields: Record<string, string>;
  } | null>(null);
  const canUpload = report.editable && !dirty;

  const uploadSheet = async (file: File) => {
    try {
      onReport(
        await uploadFile<Report>(
          `/reports/${report.id}/indicators.xlsx?version=${baseVersion}`,
          file,
        ),
      );
      setExcelErrors(null);
      message.success(t('common.saved'));
    } catch (error) {
      if (isApiError(error)) setExcelErrors({ message: error.message, fields: error.fields });
    }
  };
  const attach = async (file: File) => {
    try {
      await uploadFile(`/reports/${report.id}/attachments?version=${baseVersion}`, file);
      await queryClient.invalidateQueries({ queryKey: [...reportsKey, 'report', report.id] });
    } catch (error) {
      if (isApiError(error)) message.error(error.message);
    }
  };
  const remove = async (id: number) => {
    try {
      await api.delete(`/attachments/${id}?version=${baseVersion}`);
      await queryClient.invalidateQueries({ queryKey: [...reportsKey, 'report', report.id] });
    } catch (error) {
      if (isApiError(error)) message.error(error.message);
    }
  };

  return (
    <Card title={t('report.attachments')} size="small">
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        {report.indicators.length > 0 && (
          <>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/reports/${report.id}/indicators.xlsx`}
            >
              {t('report.excel.download')}
            </Button>
            {report.editable && (
              <FilePicker
                label={t('report.excel.upload')}
                accept=".xlsx"
                disabled={!canUpload}
                onFile={(f) => void uploadSheet(f)}
              />
            )}
          </>
        )}
        {report.editable && (
          <FilePicker
            label={t('report.attach')}
            accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.png,.jpg,.jpeg"
            disabled={!report.editable}
            onFile={(f) => void attach(f)}
          />
        )}
      </Flex>
      {excelErrors && (
        <Alert
          type="error"
          showIcon
          title={excelErrors.message}
          description={
            <ul style={{ margin: 0 }}>
              {Object.entries(excelErrors.fields).map(([cell, text]) => (
                <li key={cell}>
                  <strong>{cell}</strong>: {text}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 8 }}
        />
      )}
      {report.attachments.length > 0 && (
        <List
          size="small"
          dataSource={report.attachments}
          renderItem={(a) => (
            <List.Item
              actions={
                report.editable
                  ? [
                      <Button
                        key="x"
                        size="small"
                        danger
                        type="link"
                        onClick={() => void remove(a.id)}
                      >
                        ×
                      </Button>,
                    ]
                  : []
              }
            >
              <Typography.Link href={`/api/v1/attachments/${a.id}`}>{a.fileName}</Typography.Link>
              <Typography.Text type="secondary"> ({Math.ceil(a.size / 1024)} KB)</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
