// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_PREFIX, MAX_REATTACH, createUiShell } from '../../../lib/content/ui-shell';

const settle = () => new Promise((r) => setTimeout(r, 0));
const hosts = () => [...document.documentElement.children].filter((e) => e.localName.startsWith(HOST_PREFIX));

afterEach(() => {
  for (const h of hosts()) h.remove();
});

describe('the in-page UI host', () => {
  it('has a name the page cannot know in advance', () => {
    const a = createUiShell(document);
    const b = createUiShell(document);
    expect(a.host.localName).toMatch(/^frontline-ui-[a-z0-9]{10}$/);
    expect(a.host.localName).not.toBe(b.host.localName);
    a.remove();
    b.remove();
  });

  it('is not hidden by a page that defined its own frontline-ui element', () => {
    class Hijack extends HTMLElement {
      connectedCallback() {
        this.style.display = 'none';
      }
    }
    customElements.define('frontline-ui', Hijack);
    const shell = createUiShell(document);
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
