'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from '@/lib/i18n/navigation';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/run';
import { applyServerErrors } from '../forms/server-errors';

/** Submits a sign-up to its server action, then signs the new account in and opens it. */
export function useSignUpSubmit<T extends FieldValues & { email: string; password: string }>(
  form: UseFormReturn<T, unknown, FieldValues>,
  action: (input: unknown) => Promise<ActionResult<unknown>>,
) {
  const router = useRouter();
  return form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) {
      applyServerErrors(form, result.error);
      return;
    }
    await signIn('credentials', { email: values.email, password: values.password, redirect: false });
    router.push('/account');
    router.refresh();
  });
}
