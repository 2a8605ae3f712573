import { ANTI_SNIPE_MAX_SECONDS, createAuctionBodySchema, DEFAULT_BID_LADDER } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../../components/ui/choice-field';
import { Field } from '../../../components/ui/field';
import { formatFen, yuanToFen } from '../../../lib/units';
import type { useAuctionControl } from '../api/auctions';
import type { PinnedListingView } from '../types';
import { useAuctionReason } from './auction-reasons';
import { CommerceRefusal, refusalReason } from './commerce-refusal';
import { ReasonAlert } from './reason-alert';
import {
  readStartChoice,
  type StartChoice,
  type StartProblem,
  StartTimeField,
  startNow,
} from './start-time-field';

const DURATIONS = [60, 120, 300, 600, 1800, 3600];
const ANTI_SNIPE = [0, 10, 30, 60, ANTI_SNIPE_MAX_SECONDS];

interface AuctionFormProps {
  pinned: PinnedListingView | null;
  live: boolean;
  start: ReturnType<typeof useAuctionControl>['start'];
}

/**
 * 开始拍卖 on the pinned piece, now or at a Beijing time; the default ladder is shown because it
 * is what bidders will meet.
 */
export function AuctionForm({ pinned, live, start }: AuctionFormProps) {
  const { t } = useTranslation();
  const describe = useAuctionReason();
  const [startPrice, setStartPrice] = useState('');
  const [reserve, setReserve] = useState('');
  const [deposit, setDeposit] = useState('');
  const [duration, setDuration] = useState(300);
  const [antiSnipe, setAntiSnipe] = useState(30);
  const [startChoice, setStartChoice] = useState<StartChoice>(startNow);
  const [invalid, setInvalid] = useState(false);
  const [startProblem, setStartProblem] = useState<StartProblem | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const optional = (text: string) => (text.trim() === '' ? undefined : (yuanToFen(text) ?? Number.NaN));
    const when = readStartChoice(startChoice);
    const parsed = createAuctionBodySchema.safeParse({
      startPriceFen: yuanToFen(startPrice) ?? Number.NaN,
      reservePriceFen: optional(reserve),
      depositFen: optional(deposit),
      durationSeconds: duration,
      antiSnipeSeconds: antiSnipe,
      startsAt: when.ok ? when.startsAt : undefined,
    });
    setInvalid(!parsed.success);
    setStartProblem(when.ok ? null : when.problem);
    if (parsed.success && when.ok) start.mutate(parsed.data);
  }

  if (!pinned) return <p className="muted">{t('auction.studio.pinFirst')}</p>;
  return (
    <form className="form flash-form" data-testid="auction-form" onSubmit={submit}>
      <p className="fine-print">{t('auction.studio.onPinned', { title: pinned.title })}</p>
      <div className="form-row">
        <MoneyField
          label={t('auction.studio.startPrice')}
          testId="auction-start-price"
          value={startPrice}
          onChange={setStartPrice}
          required
        />
        <MoneyField
          label={t('auction.studio.reservePrice')}
          hint={t('auction.studio.reserveHint')}
          testId="auction-reserve-price"
          value={reserve}
          onChange={setReserve}
        />
      </div>
      <div className="form-row">
        <ChoiceField
          label={t('auction.studio.duration')}
          testId="auction-duration"
          choices={DURATIONS}
          value={duration}
          onChange={setDuration}
          labelOf={(seconds) => t('auction.studio.minutes', { count: seconds / 60 })}
        />
        <ChoiceField
          label={t('auction.studio.antiSnipe')}
          testId="auction-anti-snipe"
          choices={ANTI_SNIPE}
          value={antiSnipe}
          onChange={setAntiSnipe}
          labelOf={(seconds) =>
            seconds === 0 ? t('auction.studio.antiSnipeOff') : t('auction.studio.seconds', { count: seconds })
          }
        />
        <MoneyField
          label={t('auction.studio.deposit')}
          testId="auction-deposit-input"
          value={deposit}
          onChange={setDeposit}
        />
      </div>
      <StartTimeField value={startChoice} onChange={setStartChoice} problem={startProblem} testId="auction" />
      <details className="fine-print">
        <summary>{t('auction.studio.ladder')}</summary>
        <ul className="plain-list">
          {DEFAULT_BID_LADDER.map((rung) => (
            <li key={rung.fromFen}>
              {t('auction.studio.ladderRung', {
                from: formatFen(rung.fromFen),
                step: formatFen(rung.stepFen),
              })}
            </li>
          ))}
        </ul>
      </details>
      {invalid && <p className="field-error">{t('auction.studio.priceInvalid')}</p>}
      <button
        type="submit"
        className="button button-primary"
        data-testid="auction-start"
        disabled={!live || start.isPending}
      >
        {startChoice.mode === 'scheduled' ? t('auction.studio.schedule') : t('auction.studio.start')}
      </button>
      {!live && <p className="fine-print">{t('auction.studio.liveOnly')}</p>}
      {start.isError &&
        (refusalReason(start.error) === 'start_out_of_range' ? (
          <CommerceRefusal error={start.error} testId="auction-start-error" />
        ) : (
          <ReasonAlert error={start.error} describe={describe} testId="auction-start-error" />
        ))}
    </form>
  );
}

interface MoneyFieldProps {
  label: string;
  hint?: string;
  testId: string;
  value: string;
  required?: boolean;
  onChange: (value: string) => void;
}

function MoneyField({ label, hint, testId, value, required, onChange }: MoneyFieldProps) {
  return (
    <Field label={label} hint={hint}>
      <input
        className="input"
        inputMode="decimal"
        required={required}
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </Field>
  );
}
