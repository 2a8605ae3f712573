import { type ChatMessage, MAX_CHAT_LENGTH } from '@jadelive/shared';
import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';

export interface ChatModeration {
  onDelete(message: ChatMessage): void;
  onMute(message: ChatMessage): void;
  onRemove(message: ChatMessage): void;
  /** Users whose messages get no tools (the stage itself). */
  stageUserIds: readonly string[];
  busy: boolean;
}

const MODERATION_TOOLS = [
  { action: 'delete', handler: 'onDelete' },
  { action: 'mute', handler: 'onMute' },
  { action: 'remove', handler: 'onRemove' },
] as const;

interface ChatPanelProps {
  messages: ChatMessage[];
  /** Absent: read-only (signed out, or a hidden watcher). */
  composer?: { send(text: string): Promise<unknown>; sending: boolean; error: unknown };
  signInPath?: string;
  slowModeSeconds: number;
  moderation?: ChatModeration;
}

/** The room's chat: newest at the bottom, tools for moderators, a composer for signed-in people. */
export function ChatPanel({ messages, composer, signInPath, slowModeSeconds, moderation }: ChatPanelProps) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever a message arrives
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [messages.length]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = form.elements.namedItem('text') as HTMLInputElement;
    const text = input.value.trim();
    if (!text || !composer) return;
    try {
      await composer.send(text);
      input.value = '';
    } catch {
      // Shown below the form from the mutation's error.
    }
  }

  return (
    <section className="chat-panel" data-testid="chat-panel" aria-label={t('live.chat.title')}>
      <header className="chat-header">
        <h2 className="section-heading">{t('live.chat.title')}</h2>
        {slowModeSeconds > 0 && (
          <span className="badge" data-testid="slow-mode-badge">
            {t('live.chat.slowMode', { seconds: slowModeSeconds })}
          </span>
        )}
      </header>
      <ol className="chat-list" ref={list} aria-live="polite">
        {messages.length === 0 && <li className="empty">{t('live.chat.empty')}</li>}
        {messages.map((message) => (
          <li
            key={message.id}
            className="chat-message"
            data-testid="chat-message"
            data-message-id={message.id}
          >
            <span className="chat-author">{message.displayName}</span>
            <span className="chat-text">{message.text}</span>
            {moderation && !moderation.stageUserIds.includes(message.userId) && (
              <span className="chat-tools">
                {MODERATION_TOOLS.map(({ action, handler }) => (
                  <button
                    key={action}
                    type="button"
                    className="button button-quiet button-small"
                    data-testid={`chat-${action}`}
                    disabled={moderation.busy}
                    onClick={() => moderation[handler](message)}
                  >
                    {t(`live.moderation.${action}`)}
                  </button>
                ))}
              </span>
            )}
          </li>
        ))}
      </ol>
      {composer ? (
        <form className="chat-composer" onSubmit={(event) => void submit(event)}>
          <input
            className="input"
            name="text"
            maxLength={MAX_CHAT_LENGTH}
            autoComplete="off"
            placeholder={t('live.chat.placeholder')}
            aria-label={t('live.chat.placeholder')}
            data-testid="chat-input"
          />
          <button
            className="button button-primary"
            type="submit"
            disabled={composer.sending}
            data-testid="chat-send"
          >
            {t('live.chat.send')}
          </button>
        </form>
      ) : (
        signInPath && (
          <p className="fine-print">
            <Link to={signInPath} data-testid="chat-sign-in">
              {t('live.chat.signIn')}
            </Link>
          </p>
        )
      )}
      {composer?.error != null && <ApiErrorAlert error={composer.error} />}
    </section>
  );
}
