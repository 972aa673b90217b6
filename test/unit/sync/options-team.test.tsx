// @vitest-environment happy-dom
// The extension's fetch (host permission granted) is exempt from page CORS rules; happy-dom's is not.
// @vitest-environment-options { "settings": { "fetch": { "disableSameOriginPolicy": true } } }
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TeamSync } from '../../../components/options/TeamSync';
import { loadTeamSettings } from '../../../lib/settings/team';
import { setupTeam, startServer, type TestServer } from './couch-server';
import { askServerEveryTime } from './dom-fetch';

const ana = { user: 'ana', password: 'ana-secret' };
const eve = { user: 'eve', password: 'eve-secret' };

let server: TestServer;
askServerEveryTime();
beforeAll(async () => {
  server = await startServer();
  await setupTeam(server, 'team', [ana]);
  await setupTeam(server, 'other', [eve]);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});
afterEach(cleanup);

async function fill(values: { url: string; db: string; user: string; password: string }) {
  render(<TeamSync />);
  // Wait for the stored (default) settings to load before typing over them.
  await screen.findByRole('button', { name: 'Switch team sync on' });
  fireEvent.change(screen.getByLabelText('Server address'), { target: { value: values.url } });
  fireEvent.change(screen.getByLabelText('Team database'), { target: { value: values.db } });
  fireEvent.change(screen.getByLabelText('Your user name'), { target: { value: values.user } });
  fireEvent.change(screen.getByLabelText('Your password'), { target: { value: values.password } });
}

async function testConnection(): Promise<string> {
  fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
  const status = await screen.findByRole('status', {}, { timeout: 10_000 });
  return status.textContent ?? '';
}

describe('Options → Team sync against a real pouchdb-server', () => {
  it('"Test connection" says exactly what is wrong, then connects; off until switched on', async () => {
    await fill({ url: server.url, db: 'team', ...ana, password: 'wrong' });
    expect(await testConnection()).toBe('The server did not accept user "ana" and its password (401).');
    cleanup();

    await fill({ url: server.url, db: 'nosuch', ...ana });
    expect(await testConnection()).toMatch(/team database "nosuch" does not exist on this server \(404\)/);
    cleanup();

    await fill({ url: server.url, db: 'team', ...eve });
    expect(await testConnection()).toMatch(/User "eve" is not a member of the team database "team"/);
    cleanup();

    await fill({ url: 'http://127.0.0.1:1', db: 'team', ...ana });
    expect(await testConnection()).toMatch(/Cannot reach 127\.0\.0\.1:1/);
    cleanup();

    await fill({ url: 'http://couch.acme.example', db: 'team', ...ana });
    expect(screen.getByText(/Refusing plain http to couch\.acme\.example/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Switch team sync on' }));
    expect((await loadTeamSettings()).settings.enabled).toBe(false);
    cleanup();

    await fill({ url: server.url, db: 'team', ...ana });
    expect(await testConnection()).toBe('Connected as ana to "team" (0 documents).');
    expect((await loadTeamSettings()).settings.enabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Switch team sync on' }));
    await screen.findByRole('button', { name: 'Switch team sync off' });
    expect((await loadTeamSettings()).settings).toMatchObject({ enabled: true, url: server.url, db: 'team', user: 'ana' });
  }, 60_000);
});
