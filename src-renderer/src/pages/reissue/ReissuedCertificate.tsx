import { Alert, Descriptions, Spin, Typography } from 'antd';
import { LoadFailed } from '../../LoadFailed';
import { CertificateRow } from '../marriage/CertificateRow';
import { useQuery } from '../../useQuery';
import type { PrintTemplate } from '../print/templateData';
import type { Printers } from '../print/usePrintTarget';
import type { Reissued } from './ReissueForm';

interface ReissuedCertificateProps {
  reissued: Reissued;
  templates: PrintTemplate[] | null;
  printers: Printers | null;
}

/** The replacement: its BJ/BL 字号, and its booklet (印制编号, preview, print), built by the server from the record. */
export function ReissuedCertificate({ reissued, templates, printers }: ReissuedCertificateProps) {
  const party = reissued.party === 2 ? 2 : 1;
  const document = useQuery('counter.document', { document: 'certificate', key: reissued.certificateNumber, party });
  const kind = reissued.certificateNumber.startsWith('BJ') ? '结婚证' : '离婚证';
  const holder = typeof document.data?.data.holder === 'string' ? document.data.data.holder : null;

  return (
    <div data-testid="reissue-issued">
      <Alert
        type="success"
        showIcon
        title={`已补发${kind}，字号 ${reissued.certificateNumber}`}
        description={
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label="补发证字号">
              <Typography.Text strong copyable data-testid="reissue-number">
                {reissued.certificateNumber}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="原证字号">{reissued.originalNumber}</Descriptions.Item>
            <Descriptions.Item label="持证人">
              {holder ?? ''}（{party === 1 ? '一方' : '另一方'}）
            </Descriptions.Item>
            <Descriptions.Item label="补发日期">{reissued.issuedOn}</Descriptions.Item>
          </Descriptions>
        }
        style={{ marginBottom: 12 }}
      />
      <LoadFailed what="证书内容" error={document.error} onRetry={document.reload} />
      {!document.data && !document.error && <Spin />}
      {holder !== null && (
        <CertificateRow certificateNumber={reissued.certificateNumber} holder={party === 1 ? 'party1' : 'party2'} holderName={holder} templates={templates} printers={printers} />
      )}
    </div>
  );
}
