import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

// Locale-aware wrappers of Next's navigation: hrefs are written without the locale
// ('/needs') and gain the current one ('/uk/needs').
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
