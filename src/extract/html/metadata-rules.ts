/**
 * Metadata rules as named data (in the spirit of trafilatura's metaxpaths.py): which meta keys carry
 * which field, which page regions hold someone else's dates and names. The algorithms in
 * metadata-*.ts read these tables; extending coverage means adding a row here.
 *
 * Meta keys are lower-cased `property`, `name`, `itemprop` or `http-equiv` values.
 */

/** Publication time, strongest first. OpenGraph-style keys come before generic `date`. */
export const PUBLISHED_META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'og:published_time',
  'published_time',
  'article.published',
  'article_date_original',
  'original-publish-date',
  'publish-date',
  'publish_date',
  'publishdate',
  'publication_date',
  'date_published',
  'datepublished',
  'pubdate',
  'og:pubdate',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.created',
  'citation_publication_date',
  'citation_online_date',
  'citation_date',
  'prism.publicationdate',
  'rnews:datepublished',
  'article:post_date',
  'cxenseparse:recs:publishtime',
  'bt:pubdate',
  'displaydate',
  'pdate',
  'ptime',
  'publish_time',
  'created',
  'dc.date',
  'dcterms.date',
  'date',
] as const;

/** Keys for the last change. Used only when no publication time exists at all. */
export const MODIFIED_META_KEYS = [
  'article:modified_time',
  'og:updated_time',
  'article:modified',
  'datemodified',
  'dcterms.modified',
  'dc.date.modified',
  'last-modified',
  'lastmod',
  'revised',
  'updated_time',
] as const;

export const AUTHOR_META_KEYS = [
  'author',
  'article:author',
  'article:author_name',
  'og:article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'dcterms.creator',
  'citation_author',
  'citation_authors',
  'byl',
  'twitter:data1', // "Written by" on WordPress/Yoast pages: checked against twitter:label1 by the caller
  'author_name',
  'cxenseparse:author',
] as const;

/**
 * Class/id fragments of regions whose dates and names belong to other content: comments, related
 * stories, sidebars, footers. A date or byline inside one of them never describes the article.
 */
export const NOISE_REGION_WORDS = [
  'comment', 'respond', 'reply', 'replies', 'discussion', 'disqus', 'related', 'recommend', 'more-stories', 'more-articles',
  'read-next', 'readnext', 'read-more', 'also-read', 'you-may', 'you-might', 'popular', 'trending', 'most-read', 'sidebar',
  'footer', 'newsletter', 'outbrain', 'taboola', 'next-article', 'prev-next', 'post-navigation', 'nav-links',
  'pagination', 'breadcrumb', 'menu', 'archive', 'latest', 'rss', 'teaser', 'article-card',
];

/** Tags that are never the article's own header. */
export const NOISE_TAGS = new Set(['ASIDE', 'FOOTER', 'NAV', 'FORM', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'BUTTON']);

/** Words announcing that the next date is a revision, not the first publication. */
export const UPDATED_WORDS = /(?:update[ds]?|modified|revised|edited|last\s{1,3}(?:updated|modified|reviewed|changed)|aktualisiert|mis\s{1,3}à\s{1,3}jour|actualizado|aggiornato|atualizado|bijgewerkt|reviewed)\W{0,5}(?:on\s{1,3})?[:\-–]?\s{0,3}$/i;

/** Words announcing the first publication. */
export const PUBLISHED_WORDS = /(?:published|posted|posted\s{1,3}on(?:\s{1,3}the)?|written|veröffentlicht|publié|publicado|pubblicato|gepubliceerd|date)\W{0,5}(?:on\s{1,3})?[:\-–]?\s{0,3}$/i;

/** Class fragments of elements that carry the article's date. */
export const DATE_CLASS_WORDS = ['date', 'time', 'posted', 'publish', 'pubdate', 'byline', 'meta', 'dateline', 'timestamp', 'updated'];

/** Class fragments of elements that carry the byline. */
export const BYLINE_CLASS_WORDS = ['byline', 'author', 'writer', 'by-line', 'contributor', 'posted-by', 'reporter', 'journalist', 'credit'];
