import type {
  HostilityScope,
  HostilityStatus,
  RiskAppetite,
  SectorCode,
  Stage,
  Urgency,
} from '@/lib/generated/prisma/enums';

// English labels for the foundation's read-only pages; the translated catalogues (ja, uk, en)
// replace this file when the interface becomes trilingual.

export const SECTOR_LABELS: Record<SectorCode, string> = {
  ENERGY: 'Energy',
  DEMINING: 'Demining',
  DEBRIS_REMOVAL: 'Debris removal',
  TRANSPORT: 'Transport',
  WATER_SANITATION: 'Water and sanitation',
  HEALTH: 'Health',
  EDUCATION: 'Education',
  HOUSING: 'Housing',
  AGRICULTURE: 'Agriculture',
  COMMUNICATIONS: 'Communications',
};

export const HOSTILITY_LABELS: Record<HostilityStatus, string> = {
  NONE: 'Not on the hostilities list',
  POSSIBLE_HOSTILITIES: 'Possible hostilities',
  ACTIVE_HOSTILITIES_WITH_STATE_SERVICES: 'Active hostilities (state services available)',
  ACTIVE_HOSTILITIES: 'Active hostilities',
  TEMPORARILY_OCCUPIED: 'Temporarily occupied',
};

export const SCOPE_LABELS: Record<HostilityScope, string> = {
  WHOLE: 'whole hromada',
  PARTIAL: 'some settlements',
};

export const STAGE_LABELS: Record<Stage, string> = {
  RAPID_RECOVERY: 'Rapid recovery',
  RECONSTRUCTION: 'Large-scale reconstruction',
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

export const RISK_APPETITE_LABELS: Record<RiskAppetite, string> = {
  AFTER_CEASEFIRE_ONLY: 'After a ceasefire only',
  NO_HOSTILITIES: 'Areas without hostilities',
  POSSIBLE_HOSTILITIES: 'Areas of possible hostilities',
  ACTIVE_HOSTILITIES: 'Areas of active hostilities',
};
