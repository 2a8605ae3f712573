import { useRouteError } from 'react-router';
import { ApiErrorAlert } from '../../components/errors/api-error-alert';

/** Last resort for a render error: still the readable error box rather than a white page. */
export function RouteError() {
  const error = useRouteError();
  return (
    <div className="page-status">
      <ApiErrorAlert error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}
