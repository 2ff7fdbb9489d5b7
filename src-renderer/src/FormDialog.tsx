import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal } from 'antd';
import { useFormSubmit } from './useFormSubmit';

interface FormDialogProps<V> {
  title: string;
  okText: string;
  cancelText?: string;
  /** A forced dialog cannot be dismissed by Esc or the close icon: only by its buttons. */
  forced?: boolean;
  initialValues?: Partial<V>;
  testId?: string;
  onSubmit: (values: V) => Promise<void>;
  onCancel?: () => void;
  /** After the dialog has closed (submitted or cancelled): the parent unmounts it here. */
  onClosed: () => void;
  children: ReactNode;
}

/**
 * A modal whose whole body, buttons included, is one antd Form: Enter in any field submits, Tab walks
 * the fields and then the buttons. The parent mounts it to open it, so every opening starts clean.
 */
export function FormDialog<V extends object>(props: FormDialogProps<V>) {
  const { title, okText, cancelText = '取消', forced = false, initialValues, testId, onSubmit, onCancel, onClosed, children } = props;
  const [form] = Form.useForm<V>();
  const [open, setOpen] = useState(true);
  const { submitting, error, onFinish } = useFormSubmit(form, async (values) => {
    await onSubmit(values);
    setOpen(false);
  });

  const cancel = (): void => {
    onCancel?.();
    setOpen(false);
  };

  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      cancelText={cancelText}
      okButtonProps={{ htmlType: 'submit', loading: submitting }}
      closable={!forced}
      keyboard={!forced}
      // A stray click beside the dialog must not throw away what was typed.
      mask={{ closable: false }}
      destroyOnHidden
      onCancel={cancel}
      afterClose={onClosed}
      modalRender={(dom) => (
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} data-testid={testId}>
          {dom}
        </Form>
      )}
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {children}
    </Modal>
  );
}
