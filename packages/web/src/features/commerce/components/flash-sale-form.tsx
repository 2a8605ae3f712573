import { FLASH_SALE_MAX_SECONDS } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../../components/ui/choice-field';
import { Field } from '../../../components/ui/field';
import { formatFenExact, yuanToFen } from '../../../lib/units';
import type { useFlashSaleControl } from '../api/flash-sales';
import type { PinnedListingView } from '../types';
import { CommerceRefusal } from './commerce-refusal';
import {
  readStartChoice,
  type StartChoice,
  type StartProblem,
  StartTimeField,
  startNow,
} from './start-time-field';

const DURATIONS = [60, 180, 300, 600, 1800, FLASH_SALE_MAX_SECONDS];

interface FlashSaleFormProps {
  pinned: PinnedListingView | null;
  live: boolean;
  start: ReturnType<typeof useFlashSaleControl>['start'];
}

/** 开始秒杀 on the pinned piece: how many, at what price, when, for how long, how many per buyer. */
export function FlashSaleForm({ pinned, live, start }: FlashSaleFormProps) {
  const { t } = useTranslation();
  const [quantity, setQuantity] = useState('1');
  const [price, setPrice] = useState('');
  const [duration, setDuration] = useState(300);
  const [limit, setLimit] = useState('1');
  const [startChoice, setStartChoice] = useState<StartChoice>(startNow);
  const [priceInvalid, setPriceInvalid] = useState(false);
  const [startProblem, setStartProblem] = useState<StartProblem | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const priceFen = yuanToFen(price);
    const when = readStartChoice(startChoice);
    setPriceInvalid(priceFen === null || priceFen <= 0);
    setStartProblem(when.ok ? null : when.problem);
    if (priceFen === null || priceFen <= 0 || !when.ok) return;
    start.mutate({
      quantity: Number(quantity),
      priceFen,
      ...(when.startsAt ? { startsAt: when.startsAt } : {}),
      durationSeconds: duration,
      perBuyerLimit: Number(limit),
    });
  }

  if (!pinned) return <p className="muted">{t('commerce.studio.pinFirst')}</p>;
  return (
    <form className="form flash-form" data-testid="flash-sale-form" onSubmit={submit}>
      <p className="fine-print">
        {t('commerce.studio.onPinned', { title: pinned.title, price: formatFenExact(pinned.priceFen) })}{' '}
        {t('commerce.studio.stock', { count: pinned.stock })}
      </p>
      <div className="form-row">
        <CountField
          label={t('commerce.studio.quantity')}
          max={10_000}
          testId="flash-quantity"
          value={quantity}
          onChange={setQuantity}
        />
        <Field label={t('commerce.studio.price')} hint={t('commerce.studio.priceHint')}>
          <input
            className="input"
            inputMode="decimal"
            required
            data-testid="flash-price-input"
            aria-invalid={priceInvalid}
            value={price}
            onChange={(event) => setPrice(event.currentTarget.value)}
          />
        </Field>
      </div>
      {priceInvalid && <p className="field-error">{t('commerce.studio.priceInvalid')}</p>}
      <StartTimeField value={startChoice} onChange={setStartChoice} problem={startProblem} testId="flash" />
      <div className="form-row">
        <ChoiceField
          label={t('commerce.studio.duration')}
          testId="flash-duration"
          choices={DURATIONS}
          value={duration}
          onChange={setDuration}
          labelOf={(seconds) => t('commerce.studio.minutes', { count: seconds / 60 })}
        />
        <CountField
          label={t('commerce.studio.perBuyerLimit')}
          max={10}
          testId="flash-limit"
          value={limit}
          onChange={setLimit}
        />
      </div>
      <button
        type="submit"
        className="button button-primary"
        data-testid="flash-start"
        disabled={!live || start.isPending}
      >
        {startChoice.mode === 'scheduled' ? t('commerce.studio.schedule') : t('commerce.studio.start')}
      </button>
      {!live && <p className="fine-print">{t('commerce.studio.liveOnly')}</p>}
      {start.isError && <CommerceRefusal error={start.error} testId="flash-start-error" />}
    </form>
  );
}

interface CountFieldProps {
  label: string;
  max: number;
  testId: string;
  value: string;
  onChange: (value: string) => void;
}

/** A whole number from 1 to `max` (pieces, pieces per buyer). */
function CountField({ label, max, testId, value, onChange }: CountFieldProps) {
  return (
    <Field label={label}>
      <input
        className="input"
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        required
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </Field>
  );
}
