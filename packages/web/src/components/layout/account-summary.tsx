export interface AccountInfo {
  userName: string;
  roleLabel: string;
  organizationName: string | null;
}

/** Who is signed in and for which organisation: people switch between demo and real accounts. */
export function AccountSummary({ account, className }: { account: AccountInfo; className: string }) {
  return (
    <div className={className} data-testid="account-summary">
      {account.organizationName && <span className="account-org">{account.organizationName}</span>}
      <span className="account-user">
        {account.userName}
        <span className="account-role">{account.roleLabel}</span>
      </span>
    </div>
  );
}
