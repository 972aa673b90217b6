import { connect, type Socket } from 'node:net';

/**
 * A small typed client for Firefox's built-in Marionette protocol (what geckodriver speaks to
 * Firefox). Why not a library: WebDriver BiDi (puppeteer) cannot open moz-extension:// pages
 * (Firefox bug 1755014), and selenium/geckodriver download binaries at install, which this
 * offline machine cannot do; Debian 12 ships no geckodriver. Marionette is in every Firefox.
 *
 * Wire format: `<byte length>:<JSON>`; a command is [0, id, name, params], its answer
 * [1, id, error | null, result]. The first message from Firefox is a hello.
 */
export interface MarionetteError {
  error: string;
  message: string;
  stacktrace?: string;
}

/** A WebDriver element reference as Marionette returns and accepts it. */
export interface ElementRef {
  'element-6066-11e4-a52e-4f735466cecf': string;
}
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export type Context = 'content' | 'chrome';

type Pending = { name: string; resolve: (value: unknown) => void; reject: (error: Error) => void };

export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private hello: ((value: unknown) => void) | null = null;
  private closedError: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('close', () => this.failAll(new Error('Marionette connection closed')));
    socket.on('error', (error) => this.failAll(error));
  }

  static async connect(port: number, host = '127.0.0.1'): Promise<Marionette> {
    const socket = connect(port, host);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new Marionette(socket);
    await new Promise((resolve) => (client.hello = resolve));
    return client;
  }

  /** Sends one command and waits for its answer; a protocol error rejects with Firefox's message. */
  send<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    this.socket.write(`${body.length}:`);
    this.socket.write(body);
    return new Promise<T>((resolve, reject) => this.pending.set(id, { name, resolve: resolve as (v: unknown) => void, reject }));
  }

  async newSession(capabilities: Record<string, unknown>): Promise<void> {
    // Marionette takes capabilities already matched (geckodriver's job), flat, as the parameters.
    await this.send('WebDriver:NewSession', capabilities);
  }

  async setContext(context: Context): Promise<void> {
    await this.send('Marionette:SetContext', { value: context });
  }

  /** Runs `body` (a function body using `arguments`) in the current context; elements come back as references. */
  async execute<T = unknown>(body: string, args: unknown[] = []): Promise<T> {
    return (await this.send<{ value: T }>('WebDriver:ExecuteScript', { script: body, args })).value;
  }

  /** Like execute, for a body that calls `arguments[arguments.length - 1](result)` when done. */
  async executeAsync<T = unknown>(body: string, args: unknown[] = [], timeoutMs = 30_000): Promise<T> {
    await this.send('WebDriver:SetTimeouts', { script: timeoutMs });
    return (await this.send<{ value: T }>('WebDriver:ExecuteAsyncScript', { script: body, args })).value;
  }

  async navigate(url: string): Promise<void> {
    await this.send('WebDriver:Navigate', { url });
  }

  async currentUrl(): Promise<string> {
    return (await this.send<{ value: string }>('WebDriver:GetCurrentURL')).value;
  }

  async windowHandles(): Promise<string[]> {
    return this.send<string[]>('WebDriver:GetWindowHandles');
  }

  async currentHandle(): Promise<string> {
    return (await this.send<{ value: string }>('WebDriver:GetWindowHandle')).value;
  }

  async newTab(): Promise<string> {
    return (await this.send<{ handle: string }>('WebDriver:NewWindow', { type: 'tab', focus: true })).handle;
  }

  async switchTo(handle: string): Promise<void> {
    await this.send('WebDriver:SwitchToWindow', { handle, focus: true });
  }

  /** Into the current document's frame number `index` (window.frames order), or back to the top document with null. */
  async switchToFrame(index: number | null): Promise<void> {
    await this.send('WebDriver:SwitchToFrame', index === null ? {} : { id: index });
  }

  async click(element: ElementRef): Promise<void> {
    await this.send('WebDriver:ElementClick', { id: element[ELEMENT_KEY] });
  }

  /** Real key events into the element (focus first); a file input takes a path instead. */
  async type(element: ElementRef, text: string): Promise<void> {
    await this.send('WebDriver:ElementSendKeys', { id: element[ELEMENT_KEY], text });
  }

  async clear(element: ElementRef): Promise<void> {
    await this.send('WebDriver:ElementClear', { id: element[ELEMENT_KEY] });
  }

  /** WebDriver actions (keys, pointer), dispatched as real input events; released afterwards. */
  async performActions(actions: unknown[]): Promise<void> {
    await this.send('WebDriver:PerformActions', { actions });
    await this.send('WebDriver:ReleaseActions');
  }

  /** Base64 PNG of the current tab's viewport. */
  async screenshot(): Promise<string> {
    return (await this.send<{ value: string }>('WebDriver:TakeScreenshot', { full: false, hash: false })).value;
  }

  async installTemporaryAddon(path: string): Promise<string> {
    return (await this.send<{ value: string }>('Addon:Install', { path, temporary: true })).value;
  }

  async quit(): Promise<void> {
    await this.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (this.buffer.length < colon + 1 + length) return;
      const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as unknown;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: unknown): void {
    if (!Array.isArray(message)) {
      this.hello?.(message);
      this.hello = null;
      return;
    }
    const [, id, error, result] = message as [1, number, MarionetteError | null, unknown];
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (error) waiting.reject(new Error(`${waiting.name}: ${error.error}: ${error.message}`));
    else waiting.resolve(result);
  }

  private failAll(error: Error): void {
    this.closedError ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
