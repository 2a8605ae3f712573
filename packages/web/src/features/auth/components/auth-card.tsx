import type { ReactNode } from 'react';

interface AuthCardProps {
  title: string;
  subtitle?: string;
  children: ReactNode;
  footer?: ReactNode;
}

export function AuthCard({ title, subtitle, children, footer }: AuthCardProps) {
  return (
    <section className="auth-card">
      <h1 className="auth-title">{title}</h1>
      {subtitle && <p className="muted">{subtitle}</p>}
      {children}
      {footer && <div className="auth-footer">{footer}</div>}
    </section>
  );
}
