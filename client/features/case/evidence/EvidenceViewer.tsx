import { Link, Stack, Typography } from '@mui/material';
import type { ChatData, ListingSnapshotData, LogisticsData, OrdersData } from '../../../../shared/api/evidenceData';
import { ChatLog } from './ChatLog';
import { DocumentView } from './DocumentView';
import { type EvidenceItem, isImage } from './evidenceFormat';
import { ImageViewer } from './ImageViewer';
import { ListingSnapshot } from './ListingSnapshot';
import { LogisticsView } from './LogisticsView';
import { OrdersTable } from './OrdersTable';
import { TextView } from './TextView';

/**
 * The viewer for one piece of evidence. A file is shown by what the server detected it to be
 * (the kind is the filer's word); typed data by its kind, which intake validated it against.
 */
export function EvidenceViewer({ item, images }: { item: EvidenceItem; images: EvidenceItem[] }) {
  if (isImage(item)) return <ImageViewer item={item} images={images} />;
  if (item.contentUrl) {
    return item.contentType === 'application/pdf' ? <DocumentView item={item} /> : <TextView item={item} />;
  }
  const typed = typedViewer(item);
  if (!typed) return item.kind === 'document' ? <DocumentView item={item} /> : <TextView item={item} />;
  return (
    <Stack spacing={1}>
      {typed}
      {item.text && (
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
          {item.text}
        </Typography>
      )}
      {item.url && (
        <Link href={item.url} target="_blank" rel="noopener noreferrer" variant="body2">
          {item.url}
        </Link>
      )}
    </Stack>
  );
}

function typedViewer(item: EvidenceItem) {
  if (!item.data) return null;
  switch (item.kind) {
    case 'orders':
      return <OrdersTable data={item.data as OrdersData} />;
    case 'chat':
      return <ChatLog data={item.data as ChatData} />;
    case 'logistics':
      return <LogisticsView data={item.data as LogisticsData} />;
    case 'listing_snapshot':
      return <ListingSnapshot data={item.data as ListingSnapshotData} />;
    default:
      return null;
  }
}
