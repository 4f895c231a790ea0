'use client';

import { Menu } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from '@/components/ui/sheet';

/**
 * Below `lg` the header shows one menu button; the sheet holds every link, the account
 * actions and the language switcher. Following a link closes it.
 */
export function MobileNav({ label, closeLabel, children }: { label: string; closeLabel: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger className="inline-flex items-center gap-2 rounded-md border border-white/40 px-3 py-1.5 font-semibold text-white lg:hidden">
        <Menu className="size-5" aria-hidden="true" />
        {label}
      </SheetTrigger>
      <SheetContent closeLabel={closeLabel} aria-describedby={undefined}>
        <SheetTitle className="m-0 text-lg font-bold">{label}</SheetTitle>
        <div
          className="grid gap-5"
          onClick={(event) => {
            if ((event.target as HTMLElement).closest('a')) setOpen(false);
          }}
        >
          {children}
        </div>
      </SheetContent>
    </Sheet>
  );
}
