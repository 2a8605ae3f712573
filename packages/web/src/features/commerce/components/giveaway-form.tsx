import {
  createGiveawayBodySchema,
  GIVEAWAY_ENTRY_CONDITIONS,
  GIVEAWAY_MAX_PRIZE_FEN,
  GIVEAWAY_MAX_WINNERS,
} from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../../components/ui/choice-field';
import { Field } from '../../../components/ui/field';
import { shanghaiInputToIso, toShanghaiInput } from '../../../lib/shanghai-time';
import { yuanToFen } from '../../../lib/units';
import type { useGiveawayControl } from '../api/giveaways';
import { useGiveawayReason } from './giveaway-card';
import { ReasonAlert } from './reason-alert';

type Condition = (typeof GIVEAWAY_ENTRY_CONDITIONS)[number];

/** How far ahead the draw time is pre-filled. */
const DEFAULT_DRAW_LEAD_MS = 10 * 60_000;

/**
 * 发布福袋: the rules are fixed once published, so they are checked here with the shared schema
 * and the ¥50,000 prize cap before the server sees them.
 */
export function GiveawayForm({
  live,
  publish,
}: {
  live: boolean;
  publish: ReturnType<typeof useGiveawayControl>['publish'];
}) {
  const { t } = useTranslation();
  const describe = useGiveawayReason(null);
  const [prizeTitle, setPrizeTitle] = useState('');
  const [value, setValue] = useState('');
  const [winners, setWinners] = useState('1');
  const [condition, setCondition] = useState<Condition>('join');
  const [keyword, setKeyword] = useState('');
  const [drawAt, setDrawAt] = useState(() => toShanghaiInput(Date.now() + DEFAULT_DRAW_LEAD_MS));
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const prizeValueFen = yuanToFen(value) ?? Number.NaN;
    if (prizeValueFen > GIVEAWAY_MAX_PRIZE_FEN) {
      setProblem(t('giveaway.studio.prizeOverLimit'));
      return;
    }
    const parsed = createGiveawayBodySchema.safeParse({
      prizeTitle,
      prizeValueFen,
      winnerCount: Number(winners),
      entryCondition: condition,
      keyword: condition === 'comment_keyword' ? keyword : undefined,
      drawAt: shanghaiInputToIso(drawAt) ?? '',
      description,
    });
    if (!parsed.success) {
      setProblem(
        t('giveaway.studio.invalid', {
          issue: parsed.error.issues.map((issue) => issue.path.join('.')).join(', '),
        }),
      );
      return;
    }
    setProblem(null);
    publish.mutate(parsed.data);
  }

  return (
    <form className="form flash-form" data-testid="giveaway-form" onSubmit={submit}>
      <div className="form-row">
        <Field label={t('giveaway.studio.prizeTitle')}>
          <input
            className="input"
            required
            maxLength={60}
            data-testid="giveaway-prize"
            value={prizeTitle}
            onChange={(e) => setPrizeTitle(e.currentTarget.value)}
          />
        </Field>
        <Field label={t('giveaway.studio.prizeValue')} hint={t('giveaway.studio.prizeValueHint')}>
          <input
            className="input"
            required
            inputMode="decimal"
            data-testid="giveaway-value"
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('giveaway.studio.winnerCount')}>
          <input
            className="input"
            type="number"
            min={1}
            max={GIVEAWAY_MAX_WINNERS}
            required
            data-testid="giveaway-winners-input"
            value={winners}
            onChange={(e) => setWinners(e.currentTarget.value)}
          />
        </Field>
        <ChoiceField
          label={t('giveaway.studio.condition')}
          testId="giveaway-condition"
          choices={GIVEAWAY_ENTRY_CONDITIONS}
          value={condition}
          onChange={setCondition}
          labelOf={(entry) => t(`giveaway.conditions.${entry}`, { keyword: keyword || '…' })}
        />
        {condition === 'comment_keyword' && (
          <Field label={t('giveaway.studio.keyword')}>
            <input
              className="input"
              required
              maxLength={20}
              data-testid="giveaway-keyword"
              value={keyword}
              onChange={(e) => setKeyword(e.currentTarget.value)}
            />
          </Field>
        )}
      </div>
      <Field label={t('giveaway.studio.drawAt')} hint={t('common.beijingTime')}>
        <input
          className="input"
          type="datetime-local"
          required
          data-testid="giveaway-draw-at"
          value={drawAt}
          onChange={(e) => setDrawAt(e.currentTarget.value)}
        />
      </Field>
      <Field label={t('giveaway.studio.description')}>
        <textarea
          className="input"
          required
          maxLength={500}
          data-testid="giveaway-description"
          placeholder={t('giveaway.studio.descriptionPlaceholder')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
      </Field>
      {problem && (
        <p className="field-error" data-testid="giveaway-form-error">
          {problem}
        </p>
      )}
      <p className="fine-print">{t('giveaway.studio.rulesFixed')}</p>
      <button
        type="submit"
        className="button button-primary"
        data-testid="giveaway-publish"
        disabled={!live || publish.isPending}
      >
        {t('giveaway.studio.publish')}
      </button>
      {publish.isError && (
        <ReasonAlert error={publish.error} describe={describe} testId="giveaway-publish-error" />
      )}
    </form>
  );
}
