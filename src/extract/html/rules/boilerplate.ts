/**
 * DOM rules for main-content extraction, as named data (the trafilatura idea: rules apart from the
 * algorithm in ../content.ts). Everything here is generic web markup convention; nothing is taken from
 * a particular site or sample page.
 *
 * Class/id matching works on *tokens*: the class and id attribute values, lower-cased, split at every
 * character that is not a letter or digit ("article__share-bar" → article, share, bar), plus camelCase
 * humps ("relatedStories" → related, stories). A pattern is either a whole token (`tokens`) or a
 * substring of a token (`contains`, for long unambiguous stems like "newsletter"). Plain set look-ups
 * and `includes`: nothing can backtrack.
 */
import type { RemovalReason } from '../../../model.js';

/** Dropped silently: never text a reader sees, nothing worth auditing. */
export const SILENT_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'video',
  'audio', 'source', 'track', 'picture', 'img', 'map', 'head', 'link', 'meta', 'title', 'input', 'select',
  'option', 'textarea', 'button', 'dialog',
]);

/** Structural elements that hold page furniture, never the article body. */
export interface TagRule {
  name: string;
  reason: RemovalReason;
  tags: readonly string[];
  /**
   * The element is furniture when it sits inside the article, but says nothing about where the article
   * is: its text votes at full weight when choosing the container (a page wrapped whole in one <form>).
   */
  neutral?: boolean;
}

export const BOILERPLATE_TAGS: readonly TagRule[] = [
  { name: 'nav-element', reason: 'navigation', tags: ['nav', 'menu'] },
  { name: 'aside-element', reason: 'related-links', tags: ['aside'] },
  { name: 'footer-element', reason: 'boilerplate', tags: ['footer'] },
  // sign-up, contact and search forms: field labels, consent lines, "thank you" messages
  { name: 'form-element', reason: 'share-subscribe', tags: ['form'], neutral: true },
  // picture captions and credits describe an image, not the story (the class rule already drops
  // "caption"/"credit" classes; this is the same for the bare element)
  { name: 'figure-caption', reason: 'boilerplate', tags: ['figcaption'], neutral: true },
];

/** ARIA landmark roles of page furniture. */
export const BOILERPLATE_ROLES: ReadonlyMap<string, { name: string; reason: RemovalReason }> = new Map([
  ['navigation', { name: 'role-navigation', reason: 'navigation' }],
  ['menu', { name: 'role-navigation', reason: 'navigation' }],
  ['menubar', { name: 'role-navigation', reason: 'navigation' }],
  ['banner', { name: 'role-banner', reason: 'boilerplate' }],
  ['contentinfo', { name: 'role-contentinfo', reason: 'boilerplate' }],
  ['complementary', { name: 'role-complementary', reason: 'related-links' }],
  ['dialog', { name: 'role-dialog', reason: 'boilerplate' }],
  ['alertdialog', { name: 'role-dialog', reason: 'boilerplate' }],
  ['search', { name: 'role-search', reason: 'navigation' }],
]);

export interface ClassRule {
  /** Stable rule name recorded in each Removal. */
  name: string;
  reason: RemovalReason;
  /** Whole class/id tokens. */
  tokens?: readonly string[];
  /** Substrings of a class/id token. */
  contains?: readonly string[];
}

/** Order matters only for which name is recorded when several rules match. */
export const BOILERPLATE_CLASSES: readonly ClassRule[] = [
  {
    name: 'comments-block',
    reason: 'comments',
    tokens: ['comments', 'comment', 'disqus', 'respond', 'replies', 'discussion', 'discuss', 'talkback', 'commentlist'],
    contains: ['comment', 'disqus', 'livefyre', 'viafoura', 'coral'],
  },
  {
    name: 'cookie-notice',
    reason: 'cookie-notice',
    // not 'cmp': besides consent-management platforms it prefixes every component of a common CMS ("cmp-text")
    tokens: ['gdpr', 'consent'],
    contains: ['cookie', 'consent', 'gdpr', 'onetrust', 'privacybanner'],
  },
  {
    name: 'share-bar',
    reason: 'share-subscribe',
    tokens: ['share', 'sharing', 'shares', 'social', 'socials', 'sharebar', 'sharetools', 'addthis', 'sociallinks', 'follow', 'print', 'email', 'tools', 'toolbar'],
    contains: ['share', 'social', 'addthis', 'sharethis', 'newsletter', 'subscribe', 'subscription', 'signup'],
  },
  {
    name: 'related-links',
    reason: 'related-links',
    // not 'pagination'/'pager': infinite-scroll wrappers around the article carry them; page-number
    // lists are link lists and go as such
    tokens: ['related', 'recommended', 'recommendations', 'popular', 'trending', 'readmore', 'recirc', 'outbrain', 'taboola', 'mostread', 'teaser', 'teasers', 'carousel', 'tags', 'keywords'],
    contains: ['related', 'recommend', 'outbrain', 'taboola', 'trending', 'popular', 'mostread', 'mostpopular', 'recirc', 'readnext', 'upnext', 'morestories', 'moreon', 'seealso', 'readalso', 'zergnet', 'revcontent'],
  },
  {
    name: 'navigation-block',
    reason: 'navigation',
    // not 'skip', 'jump', 'toc': they also name the article's own sections ("skip-item", "jump-section",
    // "toc-para" anchor targets); skip links and tables of contents are link lists and go as such
    tokens: ['nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'masthead', 'sitemap', 'header', 'topbar', 'subnav', 'megamenu'],
    contains: ['breadcrumb', 'navigation', 'navbar', 'menu', 'skiplink', 'sitenav', 'sitemap'],
  },
  {
    name: 'advertising',
    reason: 'advertising',
    tokens: ['ad', 'ads', 'advert', 'adv', 'advertisement', 'advertising', 'sponsor', 'sponsored', 'promo', 'promoted', 'dfp', 'gpt', 'banner', 'adslot', 'adunit', 'adcontainer', 'adwrapper', 'partner', 'partners', 'commercial', 'affiliate'],
    contains: ['advert', 'sponsor', 'promo', 'adslot', 'adunit', 'dfp', 'doubleclick', 'googlead', 'adsense'],
  },
  {
    name: 'page-furniture',
    reason: 'boilerplate',
    tokens: ['footer', 'sidebar', 'rail', 'sidebars', 'modal', 'popup', 'overlay', 'offscreen', 'sronly', 'visuallyhidden', 'login', 'signin', 'author', 'bio', 'byline', 'dateline', 'timestamp', 'meta', 'caption', 'credit', 'credits', 'copyright', 'disclaimer', 'masthead', 'alert', 'banner', 'notice', 'corrections'],
    contains: ['sidebar', 'footer', 'popup', 'modal', 'byline', 'caption', 'copyright', 'sronly', 'screenreader', 'visuallyhidden', 'authorbio', 'authorinfo', 'aboutauthor'],
  },
];

/**
 * Tokens that mark the article itself. An element whose class/id holds one of these is never dropped by
 * a class rule (a body wrapper named "article-body has-comments" or "story share-enabled" stays).
 */
export const CONTENT_TOKENS: ReadonlySet<string> = new Set([
  'article', 'articlebody', 'story', 'storybody', 'content', 'entry', 'entrycontent', 'post', 'postbody',
  'postcontent', 'main', 'body', 'text', 'blog', 'prose', 'rte', 'richtext', 'paragraph',
]);

/** Elements never dropped by class or role rules: the document and its main landmarks. */
export const PROTECTED_TAGS: ReadonlySet<string> = new Set(['html', 'body', 'article', 'main']);

/** Elements that start a new text block; anything else is inline and joins its block's text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'td', 'th', 'figure', 'figcaption', 'address', 'hr', 'br', 'center', 'details', 'summary', 'fieldset',
  'legend', 'caption', 'body', 'html', 'form', 'hgroup', 'output',
]);


/**
 * Short text blocks that are page furniture even inside the article container. Normalised form: lower
 * case, runs of non-letters/digits as one space. `equals` phrases must be the whole block; `starts`
 * phrases open a block no longer than `maxWords` words.
 */
export interface PhraseRule {
  name: string;
  reason: RemovalReason;
  equals?: readonly string[];
  starts?: readonly string[];
  maxWords: number;
}

export const BOILERPLATE_PHRASES: readonly PhraseRule[] = [
  {
    name: 'ad-label',
    reason: 'advertising',
    equals: ['advertisement', 'advertising', 'ad', 'sponsored', 'sponsored content', 'story continues below advertisement', 'article continues below advertisement', 'continue reading below', 'scroll to continue with content', 'continue reading the main story', 'story continues below', 'article continues below', 'content continues below'],
    starts: ['advertisement', 'story continues below', 'article continues below'],
    maxWords: 8,
  },
  {
    name: 'share-prompt',
    reason: 'share-subscribe',
    equals: ['share', 'share this', 'share this article', 'share this story', 'share on facebook', 'share on twitter', 'tweet', 'email', 'print', 'comments', 'facebook', 'twitter', 'linkedin', 'whatsapp', 'pinterest', 'reddit', 'copy link', 'link copied', 'save', 'follow us'],
    starts: ['share this', 'sign up for', 'subscribe to', 'subscribe now', 'get the latest', 'follow us on', 'like us on', 'sign up to', 'click here to subscribe', 'to continue reading', 'already a subscriber', 'get our newsletter', 'newsletter sign up', 'register now', 'join our'],
    maxWords: 25,
  },
  {
    name: 'related-prompt',
    reason: 'related-links',
    equals: ['related', 'related articles', 'related stories', 'related content', 'read more', 'more stories', 'see also', 'you may also like', 'recommended', 'most popular', 'most read', 'trending', 'more from', 'up next', 'read next', 'what to read next', 'more on this story', 'related coverage', 'top stories', 'latest news'],
    starts: ['read more', 'related', 'see also', 'more on this', 'also read', 'read also', 'you might also like', 'you may also like', 'watch', 'listen to this article', 'recommended'],
    maxWords: 12,
  },
  {
    // the heading of a table of contents or a skip link; the entries are link lists and go as such
    name: 'contents-heading',
    reason: 'navigation',
    equals: ['table of contents', 'contents', 'in this article', 'on this page', 'in this guide', 'in this post', 'article contents', 'jump to', 'jump to section', 'skip to content', 'skip to main content', 'what s in this article'],
    maxWords: 6,
  },
  {
    name: 'cookie-prompt',
    reason: 'cookie-notice',
    starts: ['we use cookies', 'this website uses cookies', 'this site uses cookies', 'by continuing to use', 'by using this site', 'we and our partners'],
    maxWords: 80,
  },
  {
    name: 'comment-prompt',
    reason: 'comments',
    equals: ['comments', 'leave a comment', 'leave a reply', 'post a comment', 'add a comment', 'join the conversation', 'show comments', 'view comments', 'comment'],
    starts: ['comments', 'leave a comment', 'join the discussion', 'join the conversation', 'commenting is', 'comments are closed'],
    maxWords: 12,
  },
];

/**
 * Headings that open the recirculation after an article ("Read this next", "More from …"): when one
 * of these comes after most of the container's prose, it and everything after it inside the container
 * go. Whole-block matches only (same normalised form as BOILERPLATE_PHRASES), so a sentence that starts
 * with "Related" stays; a bare "Related" is not one either — it labels the inline link boxes inside stories.
 */
export const END_MARKERS: PhraseRule = {
  name: 'after-end-marker',
  reason: 'related-links',
  equals: [
    'related articles', 'related posts', 'related stories', 'related content', 'related reading',
    'related coverage', 'related news', 'read next', 'read this next', 'what to read next', 'up next',
    'recent posts', 'latest posts', 'popular posts', 'most popular', 'most read', 'more stories',
    'more articles', 'more news', 'more to read', 'keep reading', 'you may also like', 'you might also like',
    'you may also be interested in', 'you might also be interested in', 'you may be interested in',
    'recommended for you', 'recommended reading', 'recommended articles', 'recommended stories',
    'also in the news', 'other stories', 'don t miss', 'trending now', 'trending stories',
  ],
  starts: ['more from', 'you may also be interested in', 'you might also be interested in', 'you may be interested in', 'recent posts', 'related posts', 'related articles'],
  maxWords: 8,
};
