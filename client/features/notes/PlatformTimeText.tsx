import { useTranslation } from 'react-i18next';
import { formatPlatformTime } from '../../lib/platformTime';
import { PlatformClockGate } from '../rulebook/PlatformClockGate';

/**
 * A time on the platform's clock for what renders outside the pages' clock gate (the app bar's
 * bell): it waits for the platform clock itself instead of reading it before it is known.
 */
export function PlatformTimeText({ iso }: { iso: string }) {
  return (
    <PlatformClockGate>
      <Formatted iso={iso} />
    </PlatformClockGate>
  );
}

function Formatted({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  return formatPlatformTime(iso, i18n.language);
}
