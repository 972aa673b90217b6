// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_NAME, HOST_PREFIX, MAX_REATTACH, createUiShell } from '../../../lib/content/ui-shell';

const settle = () => new Promise((r) => setTimeout(r, 0));
const hosts = () => [...document.documentElement.children].filter((e) => e.localName === HOST_NAME || e.localName.startsWith(HOST_PREFIX));

afterEach(() => {
  for (const h of hosts()) h.remove();
});

describe('the in-page UI host', () => {
  it('is the test contract’s frontline-ui host on a page that has not taken the name', () => {
    const shell = createUiShell(document);
    expect(shell.host.localName).toBe('frontline-ui');
    expect(shell.host.shadowRoot).toBe(shell.shadow);
    shell.remove();
  });

  it('is not hidden by a page that defined its own frontline-ui element', () => {
    class Hijack extends HTMLElement {
      connectedCallback() {
        this.style.display = 'none';
      }
    }
    customElements.define('frontline-ui', Hijack);
    const shell = createUiShell(document);
    expect(shell.host.localName).toMatch(/^frontline-ui-[a-z0-9]{10}$/);
    expect(shell.host).not.toBeInstanceOf(Hijack);
    expect(shell.host.style.display).toBe('');
    shell.remove();
  });

  it('comes back, with its content, when the page removes it', async () => {
    const shell = createUiShell(document);
    shell.chips.append(document.createElement('button'));
    shell.host.remove();
    await settle();
    expect(shell.host.isConnected).toBe(true);
    expect(shell.shadow.querySelectorAll('button')).toHaveLength(1);
    // A page that wipes <html>'s children gets it back too.
    document.documentElement.replaceChildren(document.createElement('head'), document.createElement('body'));
    await settle();
    expect(shell.host.isConnected).toBe(true);
    shell.remove();
    await settle();
    expect(shell.host.isConnected).toBe(false); // our own removal is final
  });

  it('stops fighting a page that removes it forever', async () => {
    const shell = createUiShell(document);
    let attached = 0;
    for (let i = 0; i < MAX_REATTACH + 10; i++) {
      shell.host.remove();
      await settle();
      if (shell.host.isConnected) attached++;
    }
    expect(attached).toBe(MAX_REATTACH);
    shell.remove();
  });
});
