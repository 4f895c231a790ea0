import { Capability, SectorCode } from '../generated/prisma/enums';

// The shared vocabularies as ordered lists; their order gives each value its bit.
export const CAPABILITY_VALUES = Object.values(Capability);
export const SECTOR_VALUES = Object.values(SectorCode);

// Two 30-bit masks hold the capabilities (see prepare.ts); more would need a third.
if (CAPABILITY_VALUES.length > 60) throw new Error('Capability vocabulary outgrew its bit masks');
