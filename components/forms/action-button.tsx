'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/actions/run';
import { Button } from '@/components/ui/button';
import { translateKey } from './text-field';

/**
 * One button, one server action with a fixed input (verify this company, disable that user).
 * Disabled while the action runs, so a double click sends it once; the page refreshes after.
 */
export function ActionButton({ action, input, children, className }: {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  input: unknown;
  children: ReactNode;
  className?: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        className={className}
        busy={isPending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await action(input);
            if (!result.ok) setError(result.error.messageKey);
            router.refresh();
          })
        }
      >
        {children}
      </Button>
      {error ? <span className="m-0 text-sm font-semibold text-danger" role="alert">{translateKey(t, error)}</span> : null}
    </span>
  );
}
