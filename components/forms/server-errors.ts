import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ActionError } from '@/lib/actions/run';

/**
 * Shows a server action's refusal in the form: each field error next to its field, the overall
 * message above the button. The typed values stay where they are.
 */
export function applyServerErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, FieldValues>,
  error: ActionError,
  /** Where the form's fields sit in the action's input ('profile.' for { profile: {...} }). */
  prefix = '',
): void {
  for (const [path, messageKey] of Object.entries(error.fieldErrors ?? {})) {
    const field = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    form.setError(field as Path<T>, { type: 'server', message: messageKey }, { shouldFocus: true });
  }
  form.setError('root.server', { type: String(error.status), message: error.messageKey });
}
