import { describe, expect, it } from 'vitest';
import { contactItems } from '../../../components/overlay/palette-items';

describe('palette contact rows', () => {
  const contact = (lastPermalink: string | null) => ({ id: 'x:ann', name: 'Ann', handle: 'ann', platform: 'x', lastSeenAt: 1, lastPermalink });

  it('open a stored web link, never a javascript: or data: link an import carried in', () => {
    const opened: string[] = [];
    const open = (url: string) => void opened.push(url);
    for (const link of ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'not a url', null]) {
      contactItems([contact(link)], open)[0]!.run();
    }
    expect(opened).toEqual([]);
    contactItems([contact('https://x.com/ann/status/1')], open)[0]!.run();
    expect(opened).toEqual(['https://x.com/ann/status/1']);
  });
});
