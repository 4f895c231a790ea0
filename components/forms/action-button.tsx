'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/actions/run';
import { Button } from '@/components/ui/button';
import { translateKey } from './text-field';

/**
 * One button, one server action with a fixed input (publish this need, disable that user).
 * Busy while the action runs, so a double click sends it once; `done` (a translated sentence)
 * confirms it beside the button, as a refusal would be; the page refreshes after. Inline rather
 * than a toast: the button stays mounted for the next action (enable after disable), and its
 * transition must end with the refresh.
 */
export function ActionButton({ action, input, children, className, done }: {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  input: unknown;
  children: ReactNode;
  className?: string;
  done: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        className={className}
        busy={isPending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            setConfirmed(null);
            const result = await action(input);
            if (!result.ok) setError(result.error.messageKey);
            else setConfirmed(done);
            router.refresh();
          })
        }
      >
        {children}
      </Button>
      {error ? <span className="m-0 text-sm font-semibold text-danger" role="alert">{translateKey(t, error)}</span> : null}
      {confirmed ? <span className="m-0 text-sm text-success" role="status">{confirmed}</span> : null}
    </span>
  );
}
