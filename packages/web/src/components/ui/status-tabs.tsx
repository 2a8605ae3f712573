import { useSearchParams } from 'react-router';

/** The list's status filter, kept in the URL's `status` parameter so a filtered list can be linked. */
export function useStatusParam<S extends string>(statuses: readonly S[]) {
  const [params, setParams] = useSearchParams();
  const status = statuses.find((entry) => entry === params.get('status'));
  const select = (next: S | undefined) => setParams(next ? { status: next } : {});
  return [status, select] as const;
}

/** A tab per status after an «all» tab (`undefined`); each tab is named by `data-tab` for tests. */
export function StatusTabs<S extends string>({
  statuses,
  selected,
  onSelect,
  label,
}: {
  statuses: readonly S[];
  selected: S | undefined;
  onSelect: (status: S | undefined) => void;
  label: (status: S | undefined) => string;
}) {
  const tabs: (S | undefined)[] = [undefined, ...statuses];
  return (
    <div className="tabs" role="tablist">
      {tabs.map((tab) => (
        <button
          key={tab ?? 'all'}
          type="button"
          role="tab"
          aria-selected={tab === selected}
          className={`tab tab-button ${tab === selected ? 'active' : ''}`}
          onClick={() => onSelect(tab)}
          data-tab={tab ?? 'all'}
        >
          {label(tab)}
        </button>
      ))}
    </div>
  );
}
