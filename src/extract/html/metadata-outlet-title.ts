/**
 * The outlet's name from the page's `<title>`, for pages that state it nowhere else (no
 * og:site_name, no publisher, no application name): "Headline - Entermedia", "The Space Review:
 * Headline". Without it such a page's outlet is its bare host, or nothing at all when the page was
 * saved without its URL.
 *
 * The part beside the headline is taken only with evidence that it is the site and not a section
 * or a kicker ("Opinion", "Analysis: ...", "Ukraine war: ..."): it spells the host's own name
 * ("The Space Review" on thespacereview.com), or, with no host to compare with, the rest of the
 * `<title>` is exactly the headline the page shows and the part is split off by a separator no
 * headline uses inside itself (" | ", " - ", " — ", " · ", " » ", " :: "; never a colon).
 */
import { clean, hostCoreLabel } from './metadata-dom.js';
import { isCommonEnglishWord } from '../../common-words.js';
import { fold } from './metadata-title.js';

/** Separators between a headline and a site name, with what they cut; a colon only with the host's word. */
const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' · ', ' • ', ' » ', ' :: ', ': '];
const MAX_NAME_WORDS = 5;
const MAX_NAME_CHARS = 40;

/**
 * Section and page-kind words a title carries beside its headline: they name no outlet
 * ("Headline | Opinion", "Headline - World News").
 */
const SECTION_WORDS = new Set([
  'news', 'opinion', 'opinions', 'editorial', 'editorials', 'analysis', 'commentary', 'comment', 'blog', 'blogs', 'home', 'homepage',
  'sport', 'sports', 'politics', 'world', 'business', 'economy', 'finance', 'markets', 'money', 'technology', 'tech', 'science',
  'health', 'entertainment', 'culture', 'arts', 'lifestyle', 'life', 'travel', 'food', 'style', 'fashion', 'local', 'national',
  'international', 'national news', 'world news', 'local news', 'us news', 'uk news', 'latest news', 'breaking news', 'video',
  'videos', 'photos', 'gallery', 'live', 'exclusive', 'review', 'reviews', 'features', 'feature', 'article', 'articles', 'story',
  'press release', 'press releases', 'magazine', 'weather', 'education', 'environment', 'climate', 'crime', 'law', 'media',
]);

/**
 * The site name the `<title>` gives beside `headline` (the title the page was given), or null.
 * `host` is the page's host when its URL is known.
 */
export function outletFromTitleTag(titleTag: string, headline: string | null, host: string | null): string | null {
  const title = clean(titleTag);
  if (!title) return null;
  // the host's name as letters and digits ("the-space-review" → "thespacereview")
  const hostWord = host ? (hostCoreLabel(host)?.replace(/[^a-z0-9]/g, '') ?? null) : null;
  for (const sep of SEPARATORS) {
    const first = title.indexOf(sep);
    if (first < 0) continue;
    const last = title.lastIndexOf(sep);
    // after the last separator ("Headline - Site"); before the first ("Site | Headline",
    // "Site: Headline") only when it spells the host: a kicker stands there too ("Analysis: ...")
    const after = title.slice(last + sep.length).trim();
    const before = title.slice(0, first).trim();
    if (hostWord) {
      for (const name of [after, before]) if (plausibleName(name) && spellsHost(name, hostWord)) return name;
    } else if (sep !== ': ' && headline && plausibleName(after) && namesSomething(after) && fold(title.slice(0, last)) === fold(headline)) {
      return after;
    }
  }
  return null;
}

function plausibleName(name: string): boolean {
  if (!name || name.length > MAX_NAME_CHARS || name.split(/\s+/).length > MAX_NAME_WORDS) return false;
  if (!/\p{L}/u.test(name) || /^\p{Ll}/u.test(name)) return false;
  if (SEPARATORS.some((sep) => name.includes(sep))) return false;
  return !SECTION_WORDS.has(fold(name));
}

/**
 * With no host to compare with, a name must hold a word no everyday phrase has: "ByteSauna",
 * "CedarDB", "Pierce Freeman", not "Human Resources" or "Information Security Office" (a
 * department's or section's page names itself so too).
 */
function namesSomething(name: string): boolean {
  return fold(name).split(' ').some((w) => w.length > 1 && !/^\d+$/.test(w) && !isCommonEnglishWord(w));
}

/** Words a site adds after its own name: "BBC News", "Ironhack Blog", "Psychiatry.org", "Nintendo Official Site". */
const SITE_SUFFIX_WORDS = new Set([
  'news', 'online', 'blog', 'magazine', 'media', 'daily', 'official', 'site', 'website', 'store', 'shop', 'docs', 'documentation',
  'forum', 'forums', 'community', 'help', 'center', 'centre', 'support', 'inc', 'ltd', 'llc', 'group', 'com', 'org', 'net', 'gov',
  'edu', 'io', 'co', 'uk', 'us',
]);

/** "The Space Review" spells thespacereview.com; "BBC News" spells bbc.co.uk: the host's word, then a site's suffix words. */
function spellsHost(name: string, hostWord: string): boolean {
  if (hostWord.length < 3) return false;
  const words = fold(name).split(' ').filter(Boolean);
  if (words[0] === 'the' && words.length > 1 && words.slice(1).join('') === hostWord) return true;
  let squashed = '';
  for (let k = 0; k < words.length; k++) {
    squashed += words[k];
    if (squashed === hostWord) return words.slice(k + 1).every((w) => SITE_SUFFIX_WORDS.has(w));
    if (squashed.length >= hostWord.length) return false;
  }
  return false;
}
