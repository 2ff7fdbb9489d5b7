import { useCallback, useEffect, useState } from 'react';
import { App, Button, type ButtonProps } from 'antd';
import { IdcardOutlined } from '@ant-design/icons';
import type { AppError } from '../../../src-main/contract';
import type { CardData } from '../../../src-main/contract/identity-operations';
import { call } from '../api/client';
import { asAppError } from '../formErrors';
import { notifyCardReaderChanged, useCardReader } from './useCardReader';

export interface ReadCardButtonProps {
  /** The card read, checked by the main process (a valid number whose birth date and sex are the card's). */
  onRead: (card: CardData) => void;
  /** A key (KeyboardEvent.key, e.g. "F2") that reads too, shown in the label: 读卡（F2）. */
  shortcut?: string;
  disabled?: boolean;
  /** Instead of the message toast: e.g. to show the error in the page's own Alert. */
  onError?: (error: AppError) => void;
  type?: ButtonProps['type'];
  size?: ButtonProps['size'];
  /** Defaults to read-card-button; a page with two buttons (two parties) gives each its own. */
  testId?: string;
}

/**
 * 读卡: reads the card on the station's reader (identity.readCard) and hands it to `onRead`.
 * Shown only when the station uses a reader — a station set to hand entry shows nothing.
 */
export function ReadCardButton({ onRead, shortcut, disabled, onError, type, size, testId = 'read-card-button' }: ReadCardButtonProps) {
  const { message } = App.useApp();
  const reader = useCardReader();
  const [reading, setReading] = useState(false);
  const handEntryOnly = reader.data?.kind === 'none';
  const inactive = Boolean(disabled) || reading || handEntryOnly;

  const read = useCallback(async (): Promise<void> => {
    setReading(true);
    try {
      const card = await call('identity.readCard', {});
      onRead(card);
    } catch (err) {
      const error = asAppError(err);
      if (onError) onError(error);
      else void message.error(error.message);
    } finally {
      setReading(false);
      notifyCardReaderChanged();
    }
  }, [message, onError, onRead]);

  useEffect(() => {
    if (!shortcut || inactive) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== shortcut || event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      void read();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcut, inactive, read]);

  if (handEntryOnly) return null;
  return (
    <Button
      type={type}
      size={size}
      icon={<IdcardOutlined />}
      loading={reading}
      disabled={disabled}
      onClick={() => void read()}
      aria-keyshortcuts={shortcut}
      data-testid={testId}
    >
      {shortcut ? `读卡（${shortcut}）` : '读卡'}
    </Button>
  );
}
