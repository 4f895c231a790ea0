import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

// docker cannot run in CI; this reads docker-compose.yml as compose would and checks what it
// promises: the default services are production without the demo world or a known secret, and
// the demo lives in its own profile on its own database.

type Service = {
  profiles?: string[];
  command?: string | string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
  volumes?: string[];
};
type Compose = { services: Record<string, Service>; volumes: Record<string, unknown> };

const document = parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../docker-compose.yml'), 'utf8'));
const compose = document.toJS() as Compose;
const services = Object.entries(compose.services);
const production = services.filter(([, service]) => !service.profiles?.length);
const commandOf = (service: Service) => [service.command ?? []].flat().join(' ');
/** Compose interpolation of the operator's variable, with no value of our own to fall back on. */
const operatorsOwn = (name: string) => new RegExp(`^\\$\\{${name}(:-)?\\}$`);

describe('docker-compose.yml', () => {
  it('is valid YAML', () => {
    expect(document.errors).toEqual([]);
    expect(services.length).toBeGreaterThan(0);
  });

  it('runs production by default: the database and the app, npm start, NODE_ENV=production', () => {
    expect(production.map(([name]) => name).sort()).toEqual(['app', 'db']);
    const app = compose.services.app;
    expect(app.environment?.NODE_ENV).toBe('production');
    expect(commandOf(app)).toMatch(/npm start$/);
  });

  it('never seeds the demo world in production', () => {
    for (const [, service] of production) {
      expect(Object.keys(service.environment ?? {})).not.toContain('SEED_DEMO_DATA');
      expect(commandOf(service)).not.toMatch(/npm run dev|--demo|db:seed/);
    }
  });

  it('has no secret of its own in production: the operator sets them, the app refuses to start without', () => {
    const app = compose.services.app;
    expect(app.environment?.NEXTAUTH_SECRET).toMatch(operatorsOwn('NEXTAUTH_SECRET'));
    expect(app.environment?.NEXTAUTH_URL).toMatch(operatorsOwn('NEXTAUTH_URL'));
    // `$$` is compose's escape for a `$` the container's shell sees.
    expect(commandOf(app)).toContain('$${NEXTAUTH_SECRET:?');
    expect(commandOf(app)).toContain('$${NEXTAUTH_URL:?');
    expect(compose.services.db.environment?.POSTGRES_PASSWORD).toMatch(operatorsOwn('POSTGRES_PASSWORD'));
    expect(app.environment?.DATABASE_URL).toContain(':${POSTGRES_PASSWORD:-}@db:');
  });

  it('keeps the demo in the demo profile: npm run dev on a database of its own', () => {
    const demo = compose.services.demo;
    expect(demo.profiles).toEqual(['demo']);
    expect(commandOf(demo)).toMatch(/npm run dev/);
    expect(demo.environment?.NODE_ENV).not.toBe('production');
    const databaseHost = new URL(demo.environment!.DATABASE_URL).hostname;
    expect(compose.services[databaseHost]?.profiles).toEqual(['demo']);
    const ownVolumes = (name: string) => (compose.services[name].volumes ?? []).map((volume) => volume.split(':')[0]);
    expect(ownVolumes(databaseHost).filter((volume) => ownVolumes('db').includes(volume))).toEqual([]);
  });

  it('has no dangling references: dependencies exist and share the profile, volumes are declared', () => {
    for (const [, service] of services) {
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        expect(compose.services[dependency]?.profiles ?? []).toEqual(service.profiles ?? []);
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (!source.startsWith('.')) expect(Object.keys(compose.volumes)).toContain(source);
      }
    }
  });
});
