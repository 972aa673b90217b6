import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startConnectProxy, type ConnectProxy } from './connect-proxy';
import { Marionette } from './marionette';

export const FIREFOX_PATH = process.env.FRONTLINE_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_OUTPUT = path.resolve('.output/firefox-mv2');

export interface FirefoxOptions {
  /** The site server's hosts and port: pages load under their real host names through a local proxy. */
  sites?: { hosts: string[]; port: number };
  screenshotsDir?: string;
  /** TZ for the Firefox process (an IANA name such as Etc/GMT-3); the machine's own by default. */
  timeZone?: string;
}

export interface FirefoxWithExtension {
  marionette: Marionette;
  /** The add-on's moz-extension:// host, pinned by a preference before it is installed. */
  uuid: string;
  downloadsDir: string;
  extensionUrl(file: string): string;
  /**
   * Loads `url` in the suite's one working tab and makes it current. One tab, navigated, rather
   * than a tab per page: Marionette's CloseWindow was seen closing another tab than the current one.
   */
  visit(url: string): Promise<void>;
  /** Makes the tab of one of the add-on's pages current (opened once, kept) to ask the add-on things. */
  toProbe(): Promise<void>;
  /** Back to the working tab. */
  toWork(): Promise<void>;
  /** Everything Firefox wrote to stdout/stderr so far. */
  output(): string[];
  /** `JavaScript error` lines that come from the extension's own files. */
  extensionErrors(): string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts Firefox ESR headless with Marionette, installs the built add-on as a temporary add-on. */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxWithExtension> {
  const manifestFile = path.join(FIREFOX_OUTPUT, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`No Firefox build at ${FIREFOX_OUTPUT}: run \`npx wxt build -b firefox\`.`);
  if (!existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH}: run scripts/ensure-firefox.sh (ensure_firefox).`);
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const screenshotsDir = path.resolve(options.screenshotsDir ?? 'test-results/screenshots-firefox');

  const profile = await mkdtemp(path.join(os.tmpdir(), 'frontline-firefox-'));
  const downloadsDir = path.join(profile, 'downloads');
  await mkdir(downloadsDir);
  const proxy = options.sites ? await startConnectProxy(options.sites.hosts, options.sites.port) : null;
  await writeFile(path.join(profile, 'user.js'), userJs(prefs(addonId, uuid, downloadsDir, proxy)));

  const output: string[] = [];
  const child = spawn(FIREFOX_PATH, ['--marionette', '--headless', '--no-remote', '--profile', profile], {
    env: { ...process.env, ...(options.timeZone ? { TZ: options.timeZone } : {}), MOZ_HEADLESS: '1', MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  const cleanup = async (quitSent: boolean) => {
    if (!quitSent) child.kill('SIGTERM');
    await stop(child);
    await proxy?.close();
    await rm(profile, { recursive: true, force: true });
  };

  try {
    const port = await activePort(profile, child, output);
    const marionette = await Marionette.connect(port);
    // The site server's certificate is self-signed: the session accepts it, as Chromium's flag does.
    await marionette.newSession({ acceptInsecureCerts: true });
    await marionette.installTemporaryAddon(FIREFOX_OUTPUT);
    const extensionHost = `moz-extension://${uuid}`;
    const work = await marionette.newTab();
    // popup.html: any page of the add-on has its origin (IndexedDB) and its API.
    const probe = await marionette.newTab();
    await marionette.switchTo(probe);
    await marionette.navigate(`${extensionHost}/popup.html`);
    await marionette.switchTo(work);
    return {
      marionette,
      uuid,
      downloadsDir,
      extensionUrl: (file) => `${extensionHost}/${file.replace(/^\//, '')}`,
      async visit(url) {
        await marionette.switchTo(work);
        await marionette.navigate(url);
      },
      toProbe: () => marionette.switchTo(probe),
      toWork: () => marionette.switchTo(work),
      output: () => [...output],
      extensionErrors: () => output.filter((line) => /JavaScript error/.test(line) && (line.includes(extensionHost) || line.includes(addonId))),
      async screenshot(name) {
        await mkdir(screenshotsDir, { recursive: true });
        const file = path.join(screenshotsDir, `${name}.png`);
        await writeFile(file, Buffer.from(await marionette.screenshot(), 'base64'));
        return file;
      },
      async close() {
        await marionette.quit();
        await cleanup(true);
      },
    };
  } catch (error) {
    await cleanup(false);
    throw new Error(`${(error as Error).message}\nFirefox output:\n${output.slice(-30).join("\n")}`, { cause: error });
  }
}

function prefs(addonId: string, uuid: string, downloadsDir: string, proxy: ConnectProxy | null): Record<string, string | number | boolean> {
  return {
    // Marionette picks a free port and writes it to <profile>/MarionetteActivePort.
    'marionette.port': 0,
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    'browser.shell.checkDefaultBrowser': false,
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    // Notifications as Firefox's own alert windows (no desktop notification daemon headless).
    'alerts.useSystemBackend': false,
    // …that stay open until the test has looked (the default closes them after seconds).
    'alerts.totalOpenTime': 600_000,
    // Downloads (the dashboard's export) land in a known folder without asking.
    'browser.download.folderList': 2,
    'browser.download.dir': downloadsDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    // Errors from extension pages and scripts go to stdout, where the suite checks for them.
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
    ...(proxy
      ? {
          'network.proxy.type': 1,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': proxy.port,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': proxy.port,
          'network.proxy.no_proxies_on': '',
          'network.proxy.allow_hijacking_localhost': true,
          'network.dns.disablePrefetch': true,
          'network.http.http3.enable': false,
        }
      : {}),
  };
}

function userJs(values: Record<string, string | number | boolean>): string {
  return Object.entries(values)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');
}

async function activePort(profile: string, child: ChildProcess, output: string[]): Promise<number> {
  const file = path.join(profile, 'MarionetteActivePort');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Firefox exited (${child.exitCode}) before Marionette started`);
    const text = await readFile(file, 'utf8').catch(() => '');
    if (/^\d+\s*$/.test(text)) return Number(text);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Marionette did not start within 30 s (${output.length} lines of output)`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
