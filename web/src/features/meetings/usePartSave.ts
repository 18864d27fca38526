import { useState } from 'react';
import { App } from 'antd';
import { isApiError } from '../../api';

/**
 * Saving one part of a meeting (agenda, attendance, conclusion): busy while it runs, the
 * server's field errors kept for the fields to show, its message said, success said.
 * `run` resolves to whether the save went through.
 */
export function usePartSave() {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async (save: () => Promise<unknown>, success: string): Promise<boolean> => {
    setSaving(true);
    setErrors({});
    try {
      await save();
      void message.success(success);
      return true;
    } catch (error) {
      if (isApiError(error)) {
        setErrors(error.fields);
        void message.error(error.message);
      }
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, errors, run };
}
