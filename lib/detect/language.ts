/**
 * Is this post written in English? The detector's words and weights are English; a German
 * forum how-to scored as English comes out as a complaint at any level, which is worse than
 * not reading it at all. So a post in another language is "not read": never a verdict.
 *
 * How: the most frequent function words of English and of the languages an English-reading
 * support team meets most in the Latin script (German, French, Spanish, Portuguese, Italian,
 * Dutch), plus the letters only those languages use, counted per word; text mostly in another
 * script is not English either. Deliberately cautious: a post is taken for another language
 * only on two or more words of evidence that clearly outweigh the English ones, so a short
 * English complaint ("Still no refund!") is never dropped. Measured against franc-min in the
 * README (detector section): as accurate on our sentences, short ones better, 3 kB instead of
 * 175 kB in the content script.
 */

export type LanguageCode = 'en' | 'de' | 'fr' | 'es' | 'pt' | 'it' | 'nl' | 'other-script';

const FUNCTION_WORDS: Record<Exclude<LanguageCode, 'other-script'>, string> = {
  en: 'the and is are to of it i you my your for this that was with have has be been but they we our not at just from what why how can cant dont doesnt didnt im ive its still again please thanks thank would could should will there their them me any been because about',
  de: 'der die das und ist nicht ich sie ein eine einen mit auf für den dem von zu auch wie aber noch nur kann bei seit wenn habe hat wir mein meine meinen keine kein sich schon werden wurde bitte danke mir mich dass oder gibt jetzt immer geht funktioniert warum wieder leider hallo ihr euch nach diese dieser vom zum zur sind',
  fr: 'le la les des est et une un du je pas que qui pour dans avec sur ce cette mais mon ma mes nous vous ne plus très depuis merci être avoir ça il elle au aux sont ai suis fait rien toujours encore pourquoi comment bonjour votre vos leur aussi jamais de',
  es: 'el los las que y es una por para con mi pero muy como está esta son del al lo se desde gracias hace tengo puedo ya también cuando nada todavía porque hola su sus fue han ha mis estoy hay otra este esto eso nadie vez veces hoy ayer de todo toda',
  pt: 'os um uma não que é do da dos das em na para com por mas meu minha já ainda muito estou está obrigado obrigada você isso esse essa depois quando também porque olá foi tem sem seu sua nada mais ao o e de pela pelo todo toda novo nem',
  it: 'il lo gli di che è per con non una sono mi ma del della nel anche questo questa grazie ho ha come più ancora perché ciao già sempre niente dopo alla al mio mia e de',
  nl: 'het een en van ik niet dat die met op voor zijn maar ook nog geen mijn wij bij heb heeft naar kan dank hallo waarom weer altijd wordt werd deze jullie de',
};

// Letters that English text does not use; each word holding one is a point for the languages that do.
const LETTERS: Array<[RegExp, ReadonlyArray<LanguageCode>]> = [
  [/[äöüß]/, ['de']],
  [/[èêëçœ]/, ['fr']],
  [/[ñ¿¡]/, ['es']],
  [/[ãõ]/, ['pt']],
  [/[àì]/, ['it', 'fr']],
  [/[áíóú]/, ['es', 'pt']],
  [/[é]/, ['fr', 'es', 'pt']],
  [/[ç]/, ['pt']],
];

const NON_ASCII = /[\u0080-\uFFFF]/;
const LATIN = /^\p{Script=Latin}+$/u;
const WORDS = new Map<string, LanguageCode[]>();
for (const [lang, list] of Object.entries(FUNCTION_WORDS) as Array<[LanguageCode, string]>) {
  for (const w of list.split(' ')) WORDS.set(w, [...(WORDS.get(w) ?? []), lang]);
}

/** Enough text to decide on; a longer post is judged on its first part (bounded work). */
const MAX_CHARS = 2000;
/** Evidence needed before a post is taken for another language, and by how much it must beat English. */
const MIN_EVIDENCE = 2;
const MARGIN = 1.5;

/** The post's language, or 'en' when in doubt. */
export function languageOf(text: string): LanguageCode {
  let s = (typeof text === 'string' ? text : '').slice(0, MAX_CHARS);
  const ascii = !NON_ASCII.test(s);
  s = (ascii ? s : s.normalize('NFC')).toLowerCase();
  // Links, handles and hashtags are the platform's, not the writer's language.
  const words = s.replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_]+/gu, ' ').match(ascii ? /[a-z]+/g : /\p{L}+/gu) ?? [];
  if (!ascii) {
    let latin = 0;
    let other = 0;
    for (const w of words) {
      if (!NON_ASCII.test(w) || LATIN.test(w)) latin += w.length;
      else other += w.length;
    }
    if (other > latin && other >= 4) return 'other-script';
  }
  const score = new Map<LanguageCode, number>();
  const add = (lang: LanguageCode, n = 1) => score.set(lang, (score.get(lang) ?? 0) + n);
  // Each distinct word counts once: "o o o o" in ASCII art is not Portuguese.
  for (const w of new Set(words)) {
    for (const lang of WORDS.get(w) ?? []) add(lang);
    if (NON_ASCII.test(w)) for (const [re, langs] of LETTERS) if (re.test(w)) for (const lang of langs) add(lang, 1 / langs.length);
  }
  const english = score.get('en') ?? 0;
  let best: LanguageCode = 'en';
  let bestScore = 0;
  for (const [lang, n] of score) if (lang !== 'en' && n > bestScore) { best = lang; bestScore = n; }
  return bestScore >= MIN_EVIDENCE && bestScore > english * MARGIN ? best : 'en';
}

export function isEnglish(text: string): boolean {
  return languageOf(text) === 'en';
}
