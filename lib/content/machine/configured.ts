import { env } from '../../env';
import { deeplProvider } from './deepl';
import type { MachineProvider } from './provider';

// The provider the environment names, or none: without one nothing is queued and nothing breaks.

export function isMachineTranslationConfigured(): boolean {
  return !!env.DEEPL_API_KEY;
}

export function configuredProvider(): MachineProvider | null {
  if (!env.DEEPL_API_KEY) return null;
  return deeplProvider({ authKey: env.DEEPL_API_KEY, serverUrl: env.DEEPL_SERVER_URL });
}
