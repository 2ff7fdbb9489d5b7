import { useState } from 'react';
import type { FormInstance } from 'antd';
import type { AppError } from '../../src-main/contract';
import { applyFieldErrors } from './formErrors';

/**
 * The submit handler every form uses: runs `submit`; on failure puts field messages under their
 * fields and keeps whatever they do not cover for an Alert above the form.
 */
export function useFormSubmit<V>(form: FormInstance<V>, submit: (values: V) => Promise<void>, aliases?: Record<string, string>) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const onFinish = async (values: V): Promise<void> => {
    setSubmitting(true);
    setError(null);
    try {
      await submit(values);
    } catch (err) {
      setError(applyFieldErrors(form, err, aliases));
    } finally {
      setSubmitting(false);
    }
  };

  return { submitting, error, onFinish };
}
