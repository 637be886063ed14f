import { Button, Flex, Image, Popconfirm, Typography } from 'antd';
import { DeleteOutlined, FileOutlined } from '@ant-design/icons';
import type { ValueRecord } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';

type EvidenceFile = ValueRecord['files'][number];

const isImage = (f: EvidenceFile) => f.mime.startsWith('image/');
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** The evidence of a value: photos as thumbnails (tap to enlarge), other files as links; removable while the value is editable. */
export function Evidence({ files, onDelete, testId = 'evidence' }: { files: EvidenceFile[]; onDelete?: (fileId: number) => void; testId?: string }) {
  const { t } = useI18n();
  if (!files.length) return <Typography.Text type="secondary">{t('ind.fill.noFiles')}</Typography.Text>;
  return (
    <Flex wrap gap={8} data-testid={testId}>
      <Image.PreviewGroup>
        {files.filter(isImage).map((f) => (
          <div key={f.id} style={{ width: 104 }} data-testid={`evidence-file-${f.id}`}>
            <Image src={f.url} width={104} height={78} style={{ objectFit: 'cover', borderRadius: 4 }} alt={f.name} />
            <Flex justify="space-between" align="center">
              <Typography.Text type="secondary" ellipsis={{ tooltip: f.name }} style={{ fontSize: 11, maxWidth: onDelete ? 76 : 104 }}>
                {f.name}
              </Typography.Text>
              {onDelete ? <DeleteButton onConfirm={() => onDelete(f.id)} /> : null}
            </Flex>
          </div>
        ))}
      </Image.PreviewGroup>
      {files
        .filter((f) => !isImage(f))
        .map((f) => (
          <Flex key={f.id} align="center" gap={4} style={{ maxWidth: '100%' }} data-testid={`evidence-file-${f.id}`}>
            <FileOutlined />
            <a href={f.url} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
              {f.name}
            </a>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {size(f.size)}
            </Typography.Text>
            {onDelete ? <DeleteButton onConfirm={() => onDelete(f.id)} /> : null}
          </Flex>
        ))}
    </Flex>
  );
}

function DeleteButton({ onConfirm }: { onConfirm: () => void }) {
  const { t } = useI18n();
  return (
    <Popconfirm title={t('ind.fill.deleteFile')} onConfirm={onConfirm}>
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
    </Popconfirm>
  );
}
