import { App, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n';
import { isLedgerFile } from '../api/import';

/** Drag-and-drop (or click) for one ledger file (.xlsx/.xls/.et/.csv); the file stays in the browser until a step sends it. */
export function UploadBox({ file, onFile, compact }: { file: File | null; onFile: (f: File | null) => void; compact?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const fileList: UploadFile[] = file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : [];
  return (
    <Upload.Dragger
      data-testid="import-upload"
      accept=".xlsx,.xls,.et,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
      multiple={false}
      maxCount={1}
      fileList={fileList}
      beforeUpload={(f) => {
        if (!isLedgerFile(f.name)) {
          message.error(t('import.onlyXlsx'));
          return Upload.LIST_IGNORE;
        }
        onFile(f);
        return false;
      }}
      onRemove={() => {
        onFile(null);
        return true;
      }}
      style={compact ? { padding: 0 } : undefined}
    >
      {!compact ? (
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
      ) : null}
      <p className="ant-upload-text">{t('import.dragText')}</p>
      <p className="ant-upload-hint">{t('import.dragHint')}</p>
    </Upload.Dragger>
  );
}
