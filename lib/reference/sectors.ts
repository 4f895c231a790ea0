import type { Capability, SectorCode } from '../generated/prisma/enums';

// Sectors named by JICA's Ukraine office as where Japan already works (energy, demining, debris
// removal, health, education, transport — Ukraine–Japan Forum, 5 March 2025), plus water,
// housing, agriculture and communications. Each carries its OECD DAC purpose-code group so
// that the platform speaks the language donors report in.

export type SectorInfo = {
  code: SectorCode;
  dacCode: string;
  dacName: string;
  /** Capabilities that usually serve this sector; forms offer these first. */
  capabilities: Capability[];
};

export const SECTORS: readonly SectorInfo[] = [
  { code: 'ENERGY', dacCode: '230', dacName: 'Energy', capabilities: ['POWER_GENERATORS', 'GRID_EQUIPMENT', 'SOLAR_AND_STORAGE', 'HEATING_SYSTEMS'] },
  { code: 'DEMINING', dacCode: '15250', dacName: 'Removal of land mines and explosive remnants of war', capabilities: ['MINE_DETECTION', 'DEMINING_MACHINERY', 'ROBOTIC_AGRI_MACHINERY', 'DEMINING_TRAINING'] },
  { code: 'DEBRIS_REMOVAL', dacCode: '73010', dacName: 'Immediate post-emergency reconstruction and rehabilitation', capabilities: ['DEBRIS_CLEARANCE', 'DEBRIS_RECYCLING', 'HAZARDOUS_MATERIAL_HANDLING'] },
  { code: 'TRANSPORT', dacCode: '210', dacName: 'Transport and storage', capabilities: ['TEMPORARY_BRIDGES', 'BRIDGE_ENGINEERING', 'ROAD_CONSTRUCTION', 'RAIL_SYSTEMS', 'PUBLIC_TRANSPORT_VEHICLES'] },
  { code: 'WATER_SANITATION', dacCode: '140', dacName: 'Water supply and sanitation', capabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR', 'WASTEWATER_TREATMENT'] },
  { code: 'HEALTH', dacCode: '120', dacName: 'Health', capabilities: ['MEDICAL_EQUIPMENT', 'MODULAR_CLINICS', 'TELEMEDICINE'] },
  { code: 'EDUCATION', dacCode: '110', dacName: 'Education', capabilities: ['SCHOOL_EQUIPMENT', 'EDUCATION_IT', 'MODULAR_BUILDINGS'] },
  { code: 'HOUSING', dacCode: '160', dacName: 'Other social infrastructure and services (housing)', capabilities: ['MODULAR_BUILDINGS', 'SEISMIC_RETROFIT', 'ENERGY_EFFICIENT_CONSTRUCTION'] },
  { code: 'AGRICULTURE', dacCode: '311', dacName: 'Agriculture', capabilities: ['AGRICULTURAL_MACHINERY', 'ROBOTIC_AGRI_MACHINERY', 'IRRIGATION', 'FOOD_PROCESSING'] },
  { code: 'COMMUNICATIONS', dacCode: '220', dacName: 'Communications', capabilities: ['TELECOM_NETWORKS', 'SATELLITE_COMMUNICATIONS'] },
];
