import { CreateTokenForm } from './create-token-form';
import { TokenList } from './token-list';

export function TokensPanel() {
  return (
    <div className="stack-large" data-testid="tokens-panel">
      <CreateTokenForm />
      <TokenList />
    </div>
  );
}
