import { describe, expect, it } from 'vitest';
import { hashString } from '../../../lib/detect/hash';
import { createScan, NUM_HASH, scanText, TokenKind, URL_HASH, USER_HASH } from '../../../lib/detect/tokens';

function tokens(text: string): { kind: number; text: string; hash: number }[] {
  const scan = createScan();
  scanText(text, scan);
  return Array.from({ length: scan.nTokens }, (_, t) => ({
    kind: scan.tokenKind[t]!,
    text: text.slice(scan.tokenStart[t], scan.tokenEnd[t]),
    hash: scan.tokenHash[t]!,
  }));
}

describe('tokeniser', () => {
  it('collapses URLs, @mentions and numbers to one token each', () => {
    const t = tokens('@acme_help order 12,345 https://t.co/x?y=1 www.acme.com now');
    expect(t.map((x) => x.kind)).toEqual([TokenKind.User, TokenKind.Word, TokenKind.Num, TokenKind.Url, TokenKind.Url, TokenKind.Word]);
    expect(t[0]!.hash).toBe(USER_HASH);
    expect(t[2]!.hash).toBe(NUM_HASH);
    expect(t[3]!.hash).toBe(URL_HASH);
  });

  it('hashes a word like hashString of its letters, dropping inner apostrophes', () => {
    const [dont] = tokens("don't");
    expect(dont!.hash).toBe(hashString('dont'));
    expect(dont!.text).toBe("don't");
  });

  it('keeps runs of ! and ? and emoji as tokens', () => {
    const t = tokens('why?!? ok!!! 😡');
    expect(t.map((x) => x.text)).toEqual(['why', '?!?', 'ok', '!!!', '😡']);
  });

  it('emits boundary-padded char 2..5-grams per word', () => {
    const scan = createScan();
    scanText('ab', scan);
    // " a", "ab", " ab", "b ", "ab ", " ab "
    expect(scan.nGrams).toBe(6);
  });
});
