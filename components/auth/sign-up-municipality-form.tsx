'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { signUpMunicipalitySchema } from '@/lib/auth/schemas';
import { FormMessage } from '../forms/form-message';
import { AccountFields } from './account-fields';
import { HromadaPicker } from './hromada-picker';
import { SignUpSent } from './sign-up-sent';
import { useSignUpSubmit } from './use-sign-up-submit';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof signUpMunicipalitySchema>;

export function SignUpMunicipalityForm({ action }: { action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const common = useTranslations('signUp');
  const form = useForm<Values>({ resolver: zodResolver(signUpMunicipalitySchema) });
  const { onSubmit, sentTo } = useSignUpSubmit(form, action);
  const { errors, isSubmitting } = form.formState;

  if (sentTo) return <SignUpSent email={sentTo} />;
  return (
    <FormProvider {...form}>
      <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-2xl gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start">
        <Controller
          control={form.control}
          name="hromadaCode"
          defaultValue=""
          render={({ field, fieldState }) => <HromadaPicker value={field.value} onChange={field.onChange} error={fieldState.error} />}
        />
        <AccountFields defaultLocale="uk" />
        <p className="m-0 text-sm text-muted">{common('afterwards')}</p>
        <FormMessage error={errors.root?.server?.message} />
        <Button type="submit" busy={isSubmitting}>
          {isSubmitting ? common('submitting') : common('submit')}
        </Button>
      </form>
    </FormProvider>
  );
}
