import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { applyServerErrors } from './zodForm.ts';

/**
 * The request state of a form dialog: `send(request)` marks it busy, runs the request (which ends with the success
 * message and the caller's callback), and on failure puts a `validation_failed` answer onto the form's fields or
 * keeps the error for `FormModal` to show. `formErrors` holds the zod check's form-level messages.
 */
export function useFormRequest(form: FormInstance) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const send = useCallback(
    async (request: () => Promise<void>) => {
      setError(null);
      setBusy(true);
      try {
        await request();
      } catch (err) {
        if (!applyServerErrors(err, form)) setError(err);
      } finally {
        setBusy(false);
      }
    },
    [form],
  );

  return { busy, error, setError, formErrors, setFormErrors, send };
}
