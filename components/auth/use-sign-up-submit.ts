'use client';

import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/run';
import { applyServerErrors } from '../forms/server-errors';

/**
 * Submits a sign-up to its server action. Success means a confirmation link was emailed (or,
 * for an address with an account, a note to its owner: the answer is the same), so the form
 * gives way to "check your email" for the address returned here.
 */
export function useSignUpSubmit<T extends FieldValues & { email: string }>(
  form: UseFormReturn<T, unknown, FieldValues>,
  action: (input: unknown) => Promise<ActionResult<unknown>>,
) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) {
      applyServerErrors(form, result.error);
      return;
    }
    setSentTo(values.email);
  });
  return { onSubmit, sentTo };
}
