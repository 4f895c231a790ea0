import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ActionError } from '@/lib/actions/run';

/**
 * Shows a server action's refusal in the form: each field error next to its field, the overall
 * message above the button. The typed values stay where they are.
 */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, error: ActionError): void {
  for (const [path, messageKey] of Object.entries(error.fieldErrors ?? {})) {
    form.setError(path as Path<T>, { type: 'server', message: messageKey }, { shouldFocus: true });
  }
  form.setError('root.server', { type: String(error.status), message: error.messageKey });
}
