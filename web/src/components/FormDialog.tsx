import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance, type FormProps } from 'antd';
import { isApiError } from '../api';
import { showFieldErrors } from '../forms';
import { useI18n } from '../i18n';

/** What a dialog shows of a refused save, above its fields. */
interface Refusal {
  type: 'error' | 'warning';
  text: string;
}

export interface FormDialogOptions<V, R> {
  /** The dialog's form; created here when the dialog does not need it itself. */
  form?: FormInstance<V>;
  /** Asked first, when the save needs the user's word (e.g. dropping units); false: stay. */
  confirm?: (values: V) => Promise<boolean>;
  /** Sends the values; a rejection with the server's error is shown by the dialog. */
  submit: (values: V) => Promise<R>;
  /** After a save: usually a success message and closing the dialog. */
  onSaved: (result: R) => void;
  /**
   * A stale save (409 `conflict`: someone saved first). Reload what the dialog was opened with,
   * so that the next save sends the new version; what the user typed stays in the form.
   */
  onStale?: () => Promise<unknown> | void;
}

/**
 * The behaviour every form dialog shares: submit with a busy OK button, the server's field
 * errors under the matching fields, its message as an alert at the top of the dialog unless it
 * only says that fields were invalid, a stale save as a warning after reloading the version;
 * the alert clears on the next attempt.
 */
export function useFormDialog<V, R>({
  form: given,
  confirm,
  submit,
  onSaved,
  onStale,
}: FormDialogOptions<V, R>) {
  const { t } = useI18n();
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const run = async (values: V) => {
    if (confirm && !(await confirm(values))) return;
    setSaving(true);
    setRefusal(null);
    try {
      onSaved(await submit(values));
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      if (isApiError(error, 409, 'conflict')) {
        await onStale?.();
        setRefusal({ type: 'warning', text: `${error.message} ${t('error.staleKept')}` });
      } else {
        const underFields = showFieldErrors(form, error);
        // "The request is not valid" adds nothing to the messages under the fields; any other
        // refusal says more (what stands in the way), so it shows as well.
        if (!(underFields && isApiError(error, 400, 'validation'))) {
          setRefusal({ type: 'error', text: error.message });
        }
      }
    } finally {
      setSaving(false);
    }
  };

  return { form, saving, refusal, onFinish: (values: V) => void run(values) };
}

interface FormDialogProps<V, R> extends FormDialogOptions<V, R> {
  title: ReactNode;
  onClose: () => void;
  /** The form's name, which prefixes its fields' ids. */
  name?: string;
  initialValues?: FormProps<V>['initialValues'];
  width?: number;
  children: ReactNode;
}

/** A dialog around one form, with the shared behaviour of `useFormDialog`. */
export function FormDialog<V, R>({
  title,
  onClose,
  name,
  initialValues,
  width,
  children,
  ...options
}: FormDialogProps<V, R>) {
  const { t } = useI18n();
  const { form, saving, refusal, onFinish } = useFormDialog(options);
  return (
    <Modal
      open
      title={title}
      width={width}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      // What was typed is not lost to a click beside the dialog.
      mask={{ closable: false }}
    >
      {refusal && (
        <Alert
          type={refusal.type}
          showIcon
          role="alert"
          title={refusal.text}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<V>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
      >
        {children}
      </Form>
    </Modal>
  );
}
