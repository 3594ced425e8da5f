/**
 * Bylines read from the page's structure rather than from a byline: an author card, an author bio
 * box, and a personal site's owner. Each asks for a person-shaped name and evidence around it.
 */
import type { AuthorContext, AuthorResult } from './metadata-author.js';
import { NOISE_REGION_DEPTH, classAndId, clean, hostOf, inNoiseRegion, visibleText } from './metadata-dom.js';
import { fold } from './metadata-title.js';
import { ROLE_WORDS, beforeComma, isFirstAndLastName, isPlausibleName, sameAsSite, splitNames } from './metadata-author-names.js';

/**
 * An author card ("About the author" box, a name beside an avatar): an element whose class names
 * the author, holding a short element, or an image's alt text, that is a person's name and nothing
 * else. The byline-element pass skips such containers because their whole text is a biography;
 * here only the name inside them is read. Cards of related stories and comments are noise regions.
 */
export function authorCardNames(ctx: AuthorContext): string[] {
  for (const card of Array.from(ctx.doc.querySelectorAll(AUTHOR_CARD_SELECTOR)).slice(0, 40)) {
    // an author card often sits in the article's sidebar column; comments and related cards stay out
    if (inNoiseRegion(card, NOISE_REGION_DEPTH, classesBesideSidebar)) continue;
    const holders = [card, ...Array.from(card.querySelectorAll(NAME_HOLDER_SELECTOR)).slice(0, 30)];
    for (const el of holders) {
      const raw = el.tagName === 'IMG' ? (el.getAttribute('alt') ?? '') : el.children.length <= 1 ? visibleText(el, 80) : '';
      if (!raw || raw.length > 60) continue;
      const names = splitNames(raw, true);
      if (names.length === 1 && isFirstAndLastName(names[0]) && isPlausibleName(names[0], ctx.siteNames)) return names;
    }
  }
  return [];
}

const AUTHOR_CARD_SELECTOR = '[class*="author"], [id*="author"]';

const classesBesideSidebar = (el: Element): string => classAndId(el).replace(/sidebar/g, ' ');

const NAME_HOLDER_SELECTOR = 'h2, h3, h4, h5, h6, p, span, strong, b, a, div, img[alt]';

/**
 * A personal site signs with its owner's name: og:site_name, the title's site segment, the home
 * link or the footer's copyright line is a person's name, and the host is spelled from it
 * (janedoe.com, jane.blog.dev, doe.io, cassidoo.co). Used only when nobody else is named on the page.
 */
export function personalSiteOwner(ctx: AuthorContext): string | null {
  const labels = hostLabels(ctx.url ?? null);
  if (!labels.length) return null;
  const candidates = [...ctx.siteNames, ...homeLinkTexts(ctx.doc), ...copyrightHolders(ctx.doc)];
  for (const raw of candidates) {
    const name = clean(raw);
    if (!isFirstAndLastName(name) || !isPlausibleName(name, [], { anyCase: false, siteNameOk: true })) continue;
    const words = fold(name).split(' ').filter((w) => w.length >= 3);
    if (words.some((w) => labels.some((l) => l.includes(w) || sharedPrefix(l, w) >= 5))) return name;
  }
  return null;
}

/** Length of the common beginning of two strings ("cassidoo", "cassidy" → 6). */
function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The host's labels without "www" and the top-level domain: "jane.blog.dev" → ["jane", "blog"]. */
function hostLabels(url: string | null): string[] {
  return (hostOf(url) ?? '').split('.').filter(Boolean).slice(0, -1);
}

/** Texts of links to the site's home page ("/"), as the header's name or logo shows them. */
function homeLinkTexts(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('a[href="/"], a[href="./"]'))
    .slice(0, 5)
    .map((a) => visibleText(a, 80))
    .filter((t) => t.length > 0 && t.length <= 60);
}

/** Holders named by "© 2025 Jane Doe" lines in the page's footer. */
function copyrightHolders(doc: Document): string[] {
  const out: string[] = [];
  for (const footer of Array.from(doc.querySelectorAll('footer')).slice(-2)) {
    const m = COPYRIGHT.exec(visibleText(footer, 400));
    // "© 2025 Jane Doe All Rights Reserved", "© Jane Doe Powered by ...": the footer's next words
    if (m) out.push(m[1].split(' ').filter((w, i) => i < 2 || !FOOTER_WORDS.test(w)).join(' '));
  }
  return out;
}

const FOOTER_WORDS = /^(?:all|rights|reserved|powered|designed|built|made|theme|proudly|privacy|terms|site|website|blog)$/i;

const COPYRIGHT = /(?:©|\([cC]\)|[cC]opyright)\s{0,3}(?:(?:19|20)\d\d(?:\s{0,2}[-–]\s{0,2}(?:19|20)\d\d)?\s{0,3})?(\p{Lu}[\p{L}'’-]{1,30}(?:\s\p{Lu}\.)?(?:\s\p{Lu}[\p{L}'’-]{1,30}){1,2})/u;

/**
 * A site that signs its own articles in markup ("Buzzsprout", "Clemson News") while an author bio
 * on the page names a person: the person wrote it.
 */
export function bioOverSite(ctx: AuthorContext, declared: string): AuthorResult | null {
  const single = !declared.includes(' ');
  if (!single && !ctx.siteNames.some((site) => sameAsSite(declared, site) || fold(site).includes(fold(declared)))) return null;
  const names = bioBoxNames(ctx);
  return names.length ? { value: names[0], source: 'text' } : null;
}

/**
 * An author bio box: a paragraph that introduces a person ("Alban Brooke is the Head of Marketing
 * at ...", "Tim Green, a UK-based systems ...") right after an element holding just that name (a
 * heading, bold text, or a portrait's alt text). Both parts are needed: an article about a person
 * also opens with "Jane Doe is ...", but not under a heading of her name.
 */
export function bioBoxNames(ctx: AuthorContext): string[] {
  for (const p of Array.from(ctx.doc.querySelectorAll('p')).slice(0, 3000)) {
    const text = visibleText(p, 200);
    const m = BIO_START.exec(text);
    // "<strong>Tim Green</strong> UK-based systems theorist ..." under his portrait: the bold name opens the bio
    const bold = m ? null : boldNameAtStart(p, text);
    const name = m?.[1] ?? bold;
    if (!name) continue;
    // what follows says what the person does ("a freelance travel writer", "the Head of Marketing")
    const after = m ? m[0].length : name.length;
    const rest = text.slice(after, after + 80);
    if (!(ROLE_WORDS.test(rest) || BIO_ROLE.test(rest)) || BIO_NOT_A_PERSON.test(rest)) continue;
    if (!isFirstAndLastName(name) || !isPlausibleName(name, ctx.siteNames)) continue;
    if (namedJustBefore(p, name, !bold)) return [name];
  }
  return [];
}

/** Occupations a bio names besides the newsroom roles of ROLE_WORDS. */
const BIO_ROLE = /\b(?:freelance|marketing|manager|expert|specialist|consultant|strategist|professor|researcher|scientist|coach|trainer|nutritionist|dietitian|physician|doctor|nurse|therapist|engineer|developer|designer|owner|entrepreneur)\b/i;

const BIO_NOT_A_PERSON = /\b(?:company|firm|project|platform|brand|service|app|agency|organi[sz]ation|provider|network|collection|franchise)\b/i;

const BIO_START = /^(\p{Lu}\p{Ll}+(?:\s\p{Lu}\.)?\s\p{Lu}[\p{L}'’-]+)(?:,\s[^,]{1,60},)?\s(?:is|was|has\sbeen|serves\sas|works\sas|writes|covers|leads)\s/u;

/** The name in bold that opens a paragraph, when the bold text is all of a person's name. */
function boldNameAtStart(p: Element, text: string): string | null {
  const name = boldLead(p);
  return name && text.startsWith(name) && isFirstAndLastName(name) ? name : null;
}

/** The text of the bold element an element opens with (its first child <strong> or <b>), or null. */
function boldLead(el: Element): string | null {
  const first = el.firstElementChild;
  return first && (first.tagName === 'STRONG' || first.tagName === 'B') ? visibleText(first, 80) : null;
}

/**
 * An element just before `el` (its previous siblings, or its parent's) whose text or alt text is
 * `name`; with `boldStart`, also the name in bold at the start of `el` itself.
 */
function namedJustBefore(el: Element, name: string, boldStart: boolean): boolean {
  const key = fold(name);
  const matches = (e: Element): boolean => {
    const text = fold(beforeComma(visibleText(e, 120)));
    if (text === key) return true;
    return Array.from(e.querySelectorAll('img[alt]')).some((img) => fold(beforeComma(img.getAttribute('alt') ?? '')) === key) || (e.tagName === 'IMG' && fold(e.getAttribute('alt') ?? '') === key);
  };
  for (const start of [el, el.parentElement]) {
    let sib = start?.previousElementSibling ?? null;
    for (let k = 0; sib && k < 3; k++, sib = sib.previousElementSibling) if (matches(sib)) return true;
  }
  // the name in bold at the start of the bio itself: "<p><strong>Tim Green</strong> is ..."
  const bold = boldStart ? boldLead(el) : null;
  return bold !== null && fold(bold) === key;
}
