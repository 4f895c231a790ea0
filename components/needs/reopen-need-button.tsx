'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/actions/run';
import {
  AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogTitle, AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { translateKey } from '../forms/text-field';

/** Reopening publishes the need again and re-ranks it: asked once more before it happens. */
export function ReopenNeedButton({ needId, expectedVersion, action }: {
  needId: string;
  expectedVersion: number;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [isPending, startTransition] = useTransition();
  const reopen = () =>
    startTransition(async () => {
      const result = await action({ needId, expectedVersion });
      setOpen(false);
      if (!result.ok) toast.error(translateKey(t, result.error.messageKey));
      else toast.success(t('needClose.reopened'));
      router.refresh();
    });
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild><Button variant="secondary">{t('needClose.reopen')}</Button></AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>{t('needClose.reopenTitle')}</AlertDialogTitle>
        <AlertDialogDescription>{t('needClose.reopenDescription')}</AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel>{t('needClose.cancel')}</AlertDialogCancel>
          {/* Not AlertDialogAction: it would close the dialog before the action finished. */}
          <Button busy={isPending} onClick={reopen}>{t('needClose.reopenConfirm')}</Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
