import {
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Link,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AppealView } from '../../../shared/api/appeals';

/** An appeal's evidence item as `appeals.submit` accepted it (shared/api/intake.ts `evidenceInput`). */
interface AppealEvidence {
  kind?: string;
  title?: string;
  text?: string;
  url?: string;
  data?: unknown;
}

/**
 * What the member said and sent: the server joins every submission's statement (the answer to a
 * request for evidence follows the first) and keeps all evidence items, so all of it shows here.
 */
export function AppealStatementCard({ appeal }: { appeal: AppealView }) {
  const { t } = useTranslation();
  const evidence = appeal.evidence as AppealEvidence[];
  return (
    <Card variant="outlined" data-testid="appeal-statement">
      <CardHeader
        title={t('appeals.statement.title')}
        subheader={t('appeals.statement.submissions', { count: appeal.submissions })}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        <Box
          component="pre"
          sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1 }}
        >
          {appeal.statement}
        </Box>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
          {t('appeals.statement.evidence', { count: evidence.length })}
        </Typography>
        {evidence.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('appeals.statement.noEvidence')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {evidence.map((item, i) => (
              // Evidence items have no id of their own; their order never changes.
              // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
              <ListItem key={i} disableGutters sx={{ alignItems: 'flex-start' }}>
                <ListItemText
                  primary={
                    <>
                      {item.kind && (
                        <Chip
                          size="small"
                          sx={{ mr: 1 }}
                          label={t(`evidenceKind.${item.kind}`, { defaultValue: item.kind })}
                        />
                      )}
                      {item.title}
                    </>
                  }
                  secondary={<EvidenceBody item={item} />}
                  slotProps={{ secondary: { component: 'div' } }}
                />
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}

function EvidenceBody({ item }: { item: AppealEvidence }) {
  const { t } = useTranslation();
  return (
    <>
      {item.text && (
        <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
          {item.text}
        </Typography>
      )}
      {item.url && (
        // The server accepts only http(s) links; they open outside the desk, without a referrer.
        <Link href={item.url} target="_blank" rel="noopener noreferrer" variant="body2">
          {t('appeals.statement.openLink')}
        </Link>
      )}
      {item.data !== undefined && (
        <Box component="pre" sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {JSON.stringify(item.data, null, 2)}
        </Box>
      )}
    </>
  );
}
