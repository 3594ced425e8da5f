/**
 * Cleaning rules as named data (the trafilatura idea: rules apart from the algorithm).
 *
 * Every phrase here is written in *normalised* form (see `normaliseKey` in lines.ts): lower case,
 * every run of characters that is not a letter or digit turned into one space, trimmed. So
 * "Disclaimer : The content…" and "DISCLAIMER: the content…" both start with "disclaimer the content".
 * Matching is plain string comparison (equals / startsWith / includes): nothing here can backtrack.
 *
 * The tables are generic web boilerplate and generic language facts; none is taken from a sample
 * document. Add a phrase to the table that owns its reason; add a table only for a new reason.
 */
import type { RemovalReason } from '../../model.js';
import { isAuthorDateLine } from './author-date-line.js';

/** Where in a normalised line a rule's phrase must sit. */
export type PhraseMatch = 'equals' | 'starts' | 'contains';

export interface LineRule {
  /** Stable name recorded in each Removal, so a user can see which rule fired (and report it). */
  name: string;
  reason: RemovalReason;
  match: PhraseMatch;
  /** Normalised phrases; one match fires the rule. */
  phrases: readonly string[];
  /**
   * Longest line (in words) the rule may remove. A longer line is article text that merely
   * mentions the phrase ("the sign up for the draft closed on Monday…").
   */
  maxWords: number;
  /** When set, the line must also contain one of these normalised words/phrases. */
  alsoContains?: readonly string[];
  /**
   * A header rule: it also removes the short, non-sentence lines that follow it (the link list
   * after "Related posts", the form fields after "Leave a Reply").
   */
  takesFollowing?: { maxLines: number; maxWords: number; kind: FollowerKind };
  /**
   * The words before the line's first colon must be one of the phrases ("Tags: …", "READ MORE: …"),
   * unless the line is the phrase alone. Guards phrases that also open ordinary sentences.
   */
  requireColon?: boolean;
  /** The line must not end like a sentence (. ! ?): "Share on the market rose." is prose. */
  notSentence?: boolean;
  /** Fires only among the first six or the last three units (publication metadata sits there). */
  edgeOnly?: boolean;
  /** Ends a 'rest' section of a header before it (the comment form after the comments). */
  endsSection?: boolean;
  /** Fires only after the first 30% of the text (a "Comment" kicker at the top is a section label). */
  tailOnly?: boolean;
  /** A rule that is a test rather than phrases (the © sign is not a letter, so it needs the raw line). */
  test?: (key: string, raw: string) => boolean;
}

/**
 * Which lines after a header rule go with it. 'short-line': any short line that is not a sentence
 * (headlines of related links, share-button labels). 'form-field': only comment-form field labels,
 * so a spam tail after "Leave a Reply" is still judged as spam. 'rest': every line up to the next
 * line another rule claims (readers' comments after "12 Comments").
 */
export type FollowerKind = 'short-line' | 'form-field' | 'rest';

/** Field labels of comment forms, normalised; a line ending in "*" counts as a field too. */
export const FORM_FIELDS: ReadonlySet<string> = new Set([
  'name', 'your name', 'email', 'e mail', 'your email', 'email address', 'website', 'url', 'comment',
  'your comment', 'message', 'submit', 'post comment', 'submit comment', 'cancel reply', 'reply',
  'save my name email and website in this browser for the next time i comment', 'notify me',
  // the same fields in the comment forms of Spanish, French, German, Italian and Portuguese sites
  'nombre', 'correo electrónico', 'comentario', 'web', 'sitio web', 'nom', 'e mail', 'commentaire', 'site web', 'site',
  'kommentar', 'nome', 'commento', 'sito web', 'comentário', 'mensagem', 'mensaje',
  // WordPress's hidden anti-spam field renders as a lone "Δ".
  'δ',
]);

/** Comment forms of blog engines (WordPress, Disqus, Blogger…). */
const COMMENT_FORM: LineRule[] = [
  {
    name: 'comment-form-header',
    reason: 'comment-form',
    match: 'equals',
    phrases: [
      'leave a reply', 'leave a comment', 'leave a reply cancel reply', 'post a comment', 'add a comment',
      'write a comment', 'submit a comment', 'join the discussion', 'join the conversation', 'post comment',
      'submit comment', 'cancel reply', 'add comment', 'have your say',
      // Spanish, French, German, Italian, Portuguese (the blog engines' own translations)
      'deja una respuesta', 'deja un comentario', 'dejar un comentario', 'publicar el comentario', 'publicar comentario',
      'cancelar la respuesta', 'deja una respuesta cancelar la respuesta', 'laisser un commentaire', 'laisser une réponse',
      'annuler la réponse', 'laisser un commentaire annuler la réponse', 'laisser une réponse annuler la réponse',
      'publier le commentaire', 'ajouter un commentaire', 'schreibe einen kommentar', 'kommentar schreiben',
      'antwort abbrechen', 'kommentar abschicken', 'hinterlasse einen kommentar', 'schreibe einen kommentar antworten abbrechen',
      'lascia un commento', 'lascia una risposta', 'annulla risposta', 'pubblica il commento', 'invia commento',
      'lascia un commento annulla risposta', 'deixe um comentário', 'deixe uma resposta', 'cancelar resposta',
      'publicar comentário', 'enviar comentário', 'deixe uma resposta cancelar resposta',
    ],
    maxWords: 6,
    takesFollowing: { maxLines: 12, maxWords: 8, kind: 'form-field' },
    endsSection: true,
  },
  {
    name: 'comment-label',
    reason: 'comment-form',
    match: 'equals',
    phrases: ['comments', 'comment', 'reply', 'responses', 'show comments', 'view comments'],
    maxWords: 2,
    tailOnly: true,
    takesFollowing: { maxLines: 12, maxWords: 8, kind: 'form-field' },
  },
  {
    name: 'comment-section',
    reason: 'comments',
    match: 'equals',
    phrases: [],
    maxWords: 20,
    // "3 Comments", "12 responses to “…”", "5 thoughts on “…”" after the top of the page heads
    // the readers' comments: everything after it goes (other rules still name their own lines).
    test: (key) => isCountLabel(key, COMMENT_COUNT_WORDS),
    tailOnly: true,
    takesFollowing: { maxLines: 500, maxWords: Number.MAX_SAFE_INTEGER, kind: 'rest' },
  },
  {
    name: 'share-count',
    reason: 'share-subscribe',
    match: 'equals',
    phrases: [],
    maxWords: 4,
    test: (key) => isCountLabel(key, ['shares', 'share', 'views', 'likes']),
  },
  {
    name: 'comment-form-notice',
    reason: 'comment-form',
    match: 'starts',
    phrases: [
      'your email address will not be published', 'your email will not be published',
      'required fields are marked', 'save my name email and website in this browser',
      'you must be logged in to post a comment', 'this site uses akismet to reduce spam',
      'notify me of follow up comments', 'notify me of new posts', 'notify me of new comments',
      'comments are closed', 'comments are moderated', 'log in to comment', 'sign in to comment',
      'be the first to comment', 'no comments yet', 'click here to cancel reply',
      'please enable javascript to view the comments', 'comments powered by disqus', 'view the discussion thread',
      'tu dirección de correo electrónico no será publicada', 'los campos obligatorios están marcados',
      'guarda mi nombre correo electrónico y web en este navegador', 'este sitio usa akismet para reducir el spam',
      'votre adresse e mail ne sera pas publiée', 'votre adresse de messagerie ne sera pas publiée',
      'les champs obligatoires sont indiqués', 'enregistrer mon nom mon e mail et mon site dans le navigateur',
      'ce site utilise akismet pour réduire les indésirables', 'deine e mail adresse wird nicht veröffentlicht',
      'ihre e mail adresse wird nicht veröffentlicht', 'erforderliche felder sind mit',
      'meinen namen meine e mail adresse und meine website in diesem browser speichern', 'diese website verwendet akismet',
      'il tuo indirizzo email non sarà pubblicato', 'i campi obbligatori sono contrassegnati',
      'salva il mio nome email e sito web in questo browser', 'questo sito usa akismet per ridurre lo spam',
      'o seu endereço de email não será publicado', 'o seu endereço de e mail não será publicado',
      'campos obrigatórios são marcados', 'guardar o meu nome email e site neste navegador', 'este site utiliza o akismet',
    ],
    maxWords: 40,
  },
];

/** "Share this:", share-button labels, newsletter and follow prompts. */
const SHARE_SUBSCRIBE: LineRule[] = [
  {
    name: 'share-header',
    reason: 'share-subscribe',
    match: 'starts',
    phrases: [
      'share this', 'share on', 'share via', 'share the article', 'share article', 'share story',
      'click to share on', 'click to email', 'click to print', 'spread the word', 'spread the love',
      'compartir en', 'comparte esta', 'compartir esta', 'partager sur', 'partager cet article', 'teilen auf',
      'diesen artikel teilen', 'artikel teilen', 'condividi su', 'condividi questo articolo', 'compartilhe esta',
      'compartilhar no', 'compartilhe este',
    ],
    maxWords: 10,
    notSentence: true,
    takesFollowing: { maxLines: 10, maxWords: 4, kind: 'short-line' },
  },
  {
    name: 'share-button',
    reason: 'share-subscribe',
    match: 'equals',
    phrases: [
      'share', 'tweet', 'pin it', 'pin', 'email', 'print', 'facebook', 'twitter', 'x', 'whatsapp', 'linkedin',
      'pinterest', 'reddit', 'telegram', 'tumblr', 'copy link', 'like this', 'like', 'save', 'more',
      'like loading', 'instagram', 'youtube', 'tiktok', 'threads', 'bluesky', 'mastodon', 'flipboard', 'sms',
      'messenger', 'share this article', 'share this story', 'share this post',
      // WordPress plugins' buttons: print, rating
      'print friendly', 'print pdf', 'rate this post', 'rate this article',
      'compartir', 'partager', 'teilen', 'condividi', 'compartilhar', 'compartilhe', 'imprimir', 'imprimer',
      'drucken', 'stampa', 'correo', 'envoyer', 'senden', 'invia', 'enviar',
    ],
    maxWords: 3,
  },
  {
    name: 'newsletter-prompt',
    reason: 'share-subscribe',
    match: 'starts',
    phrases: [
      'subscribe to our newsletter', 'subscribe to the newsletter', 'subscribe now', 'subscribe today',
      'subscribe for', 'join our newsletter', 'join our mailing list', 'get our newsletter',
      'get the latest', 'don t miss', 'never miss', 'stay up to date', 'stay informed', 'stay updated',
      'sign up for', 'sign up to', 'sign up now', 'signup for', 'enter your email', 'click here to subscribe',
      'click to subscribe',
      'suscríbete', 'suscríbase', 'abonnez vous', 'inscrivez vous', 'newsletter abonnieren', 'abonnieren sie',
      'melden sie sich', 'iscriviti', 'assine', 'inscreva se',
    ],
    maxWords: 25,
    // "Sign up for the draft…" is article prose; a prompt names what you get.
    alsoContains: [
      'newsletter', 'newsletters', 'inbox', 'updates', 'alerts', 'briefing', 'digest', 'subscribe',
      'mailing list', 'notifications', 'our emails',
      'boletín', 'newsletters', 'lettre d information', 'infolettre', 'boletim',
    ],
  },
  {
    // the field of a newsletter box, left on its own line when the box's heading was another block
    name: 'email-field',
    reason: 'share-subscribe',
    match: 'equals',
    phrases: ['enter your email', 'enter your email address', 'enter email', 'enter email address', 'your email address',
      'email address', 'e mail address', 'enter your e mail', 'enter your e mail address', 'your email here', 'email here'],
    maxWords: 5,
  },
  {
    // "Want more stories like this? Sign up here.": a prompt that asks for a sign-up by what you read
    name: 'more-like-this-prompt',
    reason: 'share-subscribe',
    match: 'starts',
    phrases: ['want more stories like this', 'want more news like this', 'want more articles like this', 'want more like this',
      'enjoyed this article', 'enjoyed this story', 'enjoyed this post', 'like this article', 'like this story', 'liked this article',
      'liked this story', 'found this article useful', 'found this useful', 'if you like this article', 'if you liked this article',
      'if you like this post', 'if you liked this post', 'if you like this story', 'if you liked this story'],
    maxWords: 25,
    alsoContains: ['sign up', 'subscribe', 'newsletter', 'follow', 'inbox', 'share it'],
  },
  {
    name: 'follow-prompt',
    reason: 'share-subscribe',
    match: 'starts',
    phrases: ['follow us on', 'follow us', 'don t forget to follow us', 'do not forget to follow us', 'like us on facebook', 'find us on', 'connect with us',
      'join our telegram', 'join our whatsapp', 'join our discord', 'join our facebook group', 'join us on telegram',
      'join us on whatsapp', 'download our app', 'get our app', 'install our app',
      'síguenos en', 'suivez nous sur', 'folgen sie uns auf', 'seguici su', 'siga nos no', 'siga nos'],
    maxWords: 20,
  },
];

/** "Related posts" and friends: the header and the headline-like lines that follow it. */
const RELATED_LINKS: LineRule[] = [
  {
    name: 'related-header',
    reason: 'related-links',
    match: 'equals',
    phrases: [
      'related', 'related posts', 'related post', 'related articles', 'related stories', 'related news',
      'related content', 'related coverage', 'related reading', 'read more', 'read also', 'also read',
      'see also', 'more on this', 'more on this story', 'more from', 'more stories', 'more news',
      'you may also like', 'you might also like', 'you may like', 'you may be interested in',
      'recommended', 'recommended for you', 'recommended stories', 'trending', 'trending now',
      'most popular', 'most read', 'popular posts', 'recent posts', 'latest news', 'latest stories',
      'editor s picks', 'top stories', 'further reading',
      // the headers of paid link widgets under an article
      'sponsored links', 'sponsored stories', 'promoted links', 'promoted stories', 'around the web', 'from the web',
      'artículos relacionados', 'noticias relacionadas', 'también te puede interesar', 'te puede interesar',
      'lee también', 'articles similaires', 'à lire aussi', 'lire aussi', 'sur le même sujet', 'ähnliche artikel',
      'das könnte sie auch interessieren', 'mehr zum thema', 'lesen sie auch', 'articoli correlati', 'leggi anche',
      'potrebbe interessarti', 'artigos relacionados', 'leia também', 'notícias relacionadas', 'veja também',
    ],
    maxWords: 6,
    takesFollowing: { maxLines: 15, maxWords: 25, kind: 'short-line' },
  },
  {
    name: 'read-more-link',
    reason: 'related-links',
    match: 'starts',
    phrases: [
      'read more', 'read also', 'also read', 'see also', 'related', 'read next', 'watch', 'listen', 'more',
      'recommended', 'must read', 'don t miss', 'opinion', 'explainer', 'analysis', 'also watch', 'watch now',
      'watch video', 'related story', 'related article', 'related news', 'suggested', 'trending', 'in pics',
      'in photos', 'photos', 'video',
    ],
    // "READ MORE: <headline>" — the colon tells it from "Related talks began…".
    maxWords: 25,
    requireColon: true,
  },
  {
    name: 'more-from',
    reason: 'related-links',
    match: 'starts',
    phrases: ['read more from', 'more from', 'see more from', 'more articles by', 'more stories by', 'more by',
      'view all posts by', 'all posts by', 'more articles from', 'other articles by'],
    maxWords: 8,
    notSentence: true,
  },
  {
    name: 'continue-reading',
    reason: 'related-links',
    match: 'starts',
    phrases: ['continue reading', 'click here to read', 'read the full story', 'read the full article',
      'read full story', 'read full article', 'read the original article', 'click here for more'],
    maxWords: 15,
  },
];

/** Paywall and membership notices (removed as boilerplate: the text behind them is not here). */
const PAYWALL: LineRule[] = [
  {
    name: 'paywall-notice',
    reason: 'boilerplate',
    match: 'starts',
    phrases: [
      'this post is for paid subscribers', 'this post is for subscribers', 'this article is for subscribers',
      'this content is for subscribers', 'this content is only available to subscribers',
      'subscribe to continue reading', 'subscribe to read', 'to continue reading', 'already a subscriber',
      'you have reached your free article limit', 'you ve reached your free article limit',
      'become a member to read', 'log in to continue reading', 'sign in to continue reading',
      'create a free account to continue', 'register to continue reading', 'subscribers only',
    ],
    maxWords: 40,
  },
];

/** Cookie and consent banners. */
const COOKIE_NOTICE: LineRule[] = [
  {
    name: 'cookie-banner',
    reason: 'cookie-notice',
    match: 'contains',
    phrases: [
      'we use cookies', 'this website uses cookies', 'this site uses cookies', 'our website uses cookies',
      'our site uses cookies', 'uses cookies to improve', 'accept all cookies', 'our use of cookies',
      'by continuing to use this site', 'by continuing to use this website', 'by continuing to browse',
      'by using this website you agree', 'by using this site you agree', 'our cookie policy',
      'cookie settings', 'manage cookies', 'cookie preferences',
    ],
    maxWords: 70,
  },
  {
    name: 'consent-button',
    reason: 'cookie-notice',
    match: 'equals',
    phrases: ['accept', 'accept all', 'reject all', 'i agree', 'agree', 'got it', 'manage preferences', 'ok'],
    maxWords: 3,
  },
];

/** Advertising slots and "continue reading" interruptions. */
const ADVERTISING: LineRule[] = [
  {
    // "(adsbygoogle = window.adsbygoogle || []).push({});": an ad slot's script, flattened into the
    // text by a crawl that kept <script> contents. Only the ad and tracking loaders' own names: code
    // in a programming article is content.
    name: 'ad-script',
    reason: 'advertising',
    match: 'equals',
    phrases: [],
    maxWords: 40,
    test: (_key, raw) => isAdScriptLine(raw),
  },
  {
    name: 'ad-label',
    reason: 'advertising',
    match: 'equals',
    phrases: [
      'advertisement', 'advertisements', 'advertising', 'ad', 'ads', 'sponsored', 'sponsored content',
      'paid content', 'paid post', 'promoted', 'promoted content', 'partner content', 'ad feedback',
      'story continues below advertisement', 'article continues below advertisement',
      'article continues below', 'story continues below', 'continue reading below',
      'scroll to continue with content', 'content continues below', 'skip advert', 'report this ad',
      'advertisement continue reading below', 'advertisement scroll to continue', 'ad continue reading below',
    ],
    maxWords: 7,
  },
  {
    name: 'call-to-action',
    reason: 'advertising',
    match: 'equals',
    // Buttons of a promotion, alone on a line.
    phrases: [
      'join now', 'order now', 'buy now', 'shop now', 'book now', 'download now', 'get started',
      'get started for free', 'get started today', 'start free trial', 'start your free trial', 'try it free',
      'try for free', 'sign up now', 'sign up free', 'request a demo', 'book a demo', 'contact sales',
      'talk to our experts', 'talk to an expert', 'get the app', 'download the app', 'learn more', 'find out more',
      'get a quote', 'get your free quote', 'claim offer', 'see offer', 'check price', 'check price on amazon',
      'view deal', 'see deal', 'buy on amazon',
    ],
    maxWords: 6,
  },
];

/** Disclaimers, opinion notices and affiliate disclosures. */
const DISCLAIMER: LineRule[] = [
  {
    name: 'disclaimer-label',
    reason: 'disclaimer',
    match: 'starts',
    phrases: ['disclaimer', 'legal disclaimer', 'disclosure', 'affiliate disclosure', 'important notice'],
    maxWords: 120,
    requireColon: true,
  },
  {
    name: 'views-own',
    reason: 'disclaimer',
    match: 'starts',
    phrases: [
      'the views expressed', 'views expressed', 'the opinions expressed', 'opinions expressed',
      'the views and opinions expressed', 'the views in this', 'the opinions in this',
      'this article is for informational purposes', 'this article is for educational purposes',
      'this content is for informational purposes', 'this post is for informational purposes',
      'the content in this article is for', 'this story has been published from a wire agency feed',
      'this article has been published from a wire agency feed', 'this is an auto generated',
      'this story is auto generated', 'this story is auto aggregated', 'this article is auto generated',
    ],
    maxWords: 70,
  },
  {
    name: 'purposes-only',
    reason: 'disclaimer',
    match: 'contains',
    phrases: [
      'for educational and informational purposes only', 'for informational purposes only',
      'for general information purposes only', 'for general informational purposes only',
      'for educational purposes only', 'for entertainment purposes only', 'does not constitute financial advice',
      'does not constitute investment advice', 'not financial advice', 'not investment advice',
      'are the author s own', 'are those of the author', 'are solely those of the author',
      'are the writer s own', 'are those of the writer',
    ],
    maxWords: 70,
  },
  {
    name: 'affiliate-disclosure',
    reason: 'disclaimer',
    match: 'contains',
    phrases: [
      'this post contains affiliate links', 'this article contains affiliate links', 'contains affiliate links',
      'may contain affiliate links', 'we may earn a commission', 'we may earn a small commission',
      'we may receive a commission', 'we earn a commission', 'as an amazon associate', 'we may earn commission',
      'may earn commission from links', 'we may earn an affiliate commission', 'products are chosen independently',
      'independently selected by our editors', 'we may receive compensation',
      'we earn from qualifying purchases', 'at no extra cost to you', 'at no additional cost to you',
    ],
    maxWords: 70,
  },
];

/** Copyright footers. */
const COPYRIGHT: LineRule[] = [
  {
    name: 'copyright-footer',
    reason: 'boilerplate',
    match: 'contains',
    phrases: ['all rights reserved', 'this material may not be published broadcast rewritten or redistributed',
      'may not be reproduced without', 'reproduction in whole or in part'],
    maxWords: 50,
  },
  {
    name: 'copyright-sign',
    reason: 'boilerplate',
    match: 'starts',
    phrases: [],
    maxWords: 30,
    // "© 2024 Example Media", "(c) 2023 …", "Copyright 2024 …" — a sign or the word, then a year soon after.
    test: (key, raw) => isCopyrightLine(key, raw),
  },
];

/** A newsroom's standing lines under every story: tip lines, standards notes, a feed's footer. */
const NEWSROOM_FOOTER: LineRule[] = [
  {
    // WordPress writes "The post <title> appeared first on <site>." under every item of its feeds:
    // a link back, not the article's words (an editor's "Originally published by …" credit stays).
    // Relating still reads it from the removal: it says which copy came from which.
    name: 'feed-footer',
    reason: 'related-links',
    match: 'starts',
    phrases: ['the post'],
    maxWords: 60,
    alsoContains: ['appeared first on'],
  },
  {
    name: 'tip-line',
    reason: 'boilerplate',
    match: 'starts',
    phrases: ['have a news tip', 'got a news tip', 'have a tip', 'got a tip', 'have a story tip', 'have a story idea',
      'got a story idea', 'send us a tip', 'send us your tips', 'send us your news', 'know something we should know'],
    maxWords: 30,
    alsoContains: ['email', 'e mail', 'contact', 'send', 'reach', 'call', 'text', 'submit', 'tips', 'signal', 'whatsapp', 'tell us', 'let us know'],
  },
  {
    name: 'standards-note',
    reason: 'boilerplate',
    match: 'starts',
    phrases: ['our standards', 'editorial standards'],
    maxWords: 12,
    requireColon: true,
  },
];

/** Hashtag tails ("#ferry #harbour #travel"): search bait like keyword lines, but self-announcing. */
const HASHTAGS: LineRule[] = [
  {
    name: 'hashtag-line',
    reason: 'spam-keywords',
    match: 'equals',
    phrases: [],
    maxWords: 40,
    test: (_key, raw) => isHashtagLine(raw),
  },
];

/** Names only an ad or tracking loader's script uses: Google's ad slots and tags, Taboola, the consent API, Meta's pixel. */
const AD_SCRIPT_NAMES = ['adsbygoogle', 'googletag.', '_taboola', '__tcfapi', 'fbq(', 'gtag(', 'datalayer.push', 'amzn_assoc_'];

/** A line of script (brackets, a call, a semicolon) that names an ad or tracking loader. */
function isAdScriptLine(raw: string): boolean {
  if (!raw.includes('(') || !/[;=]/.test(raw)) return false;
  const lower = raw.toLowerCase();
  return AD_SCRIPT_NAMES.some((name) => lower.includes(name));
}

function isHashtagLine(raw: string): boolean {
  if (raw.trimStart()[0] !== '#') return false;
  const tokens = raw.trim().split(/\s+/);
  return tokens.length >= 2 && tokens.every((t) => t.length > 1 && t[0] === '#');
}

/** Site navigation that survives extraction: tags, categories, pagination, skip links. */
const NAVIGATION: LineRule[] = [
  {
    name: 'tags-line',
    reason: 'navigation',
    match: 'starts',
    phrases: ['tags', 'tagged', 'filed under', 'categories', 'category', 'posted in', 'topics', 'more about',
      'keywords', 'related topics', 'sections'],
    maxWords: 30,
    requireColon: true,
    notSentence: true,
  },
  {
    // WordPress-style post footers without a colon: "Posted in World News", "Tagged Russia, Asia".
    name: 'taxonomy-line',
    reason: 'navigation',
    match: 'starts',
    phrases: ['posted in', 'filed under', 'tagged', 'tagged with', 'categorized as', 'categorised as',
      'posted under', 'published in'],
    maxWords: 20,
    notSentence: true,
    edgeOnly: true,
  },
  {
    name: 'breadcrumb',
    reason: 'navigation',
    match: 'equals',
    phrases: [],
    maxWords: 20,
    // "Home » World » Asia", "Home > News > Politics": a trail of short items behind spaced arrows.
    test: (_key, raw) => isBreadcrumb(raw),
  },
  {
    name: 'site-link',
    reason: 'navigation',
    match: 'equals',
    // Footer and header links of the site, alone on a line.
    // Single words that also make subheads ("Support", "Jobs", "Legal") are left out.
    phrases: [
      'privacy policy', 'privacy notice', 'terms of use', 'terms of service', 'terms and conditions',
      'contact us', 'about us', 'log in', 'login', 'sign in', 'sign up', 'sitemap', 'site map',
      'accessibility statement', 'cookie consent', 'legal notice', 'imprint', 'impressum', 'privacy statement',
      'report this article', 'report an error', 'report a correction', 'corrections policy', 'ethics policy',
      'advertise with us', 'table of contents', 'subscribe', 'newsletters', 'rss', 'my account',
      'log out', 'logout', 'print this page', 'print friendly pdf email', 'listen to this article', 'your privacy choices',
      'do not sell my personal information', 'do not sell or share my personal information', 'manage consent',
    ],
    maxWords: 8,
  },
  {
    name: 'link-bar',
    reason: 'navigation',
    match: 'equals',
    phrases: [],
    maxWords: 30,
    // "About | Contact | Privacy Policy": ≥ 3 short items separated by | or •.
    test: (_key, raw) => isLinkBar(raw),
  },
  {
    name: 'nav-label',
    reason: 'navigation',
    match: 'equals',
    phrases: [
      'home', 'menu', 'search', 'skip to content', 'skip to main content', 'back to top', 'next article',
      'previous article', 'next post', 'previous post', 'next story', 'previous story', 'load more',
      'show more', 'view all', 'see all', 'close', 'open', 'toggle navigation', 'main menu', 'next', 'previous',
      'go to top', 'scroll to top', 'page 1', 'older posts', 'newer posts',
      // an aggregator's link back to the page it copied, under every copied post
      'source link', 'source link s', 'original source', 'view original', 'view original article',
      // blog sidebar widget titles
      'archives', 'categories', 'search for', 'recent comments', 'blogroll', 'loading', 'loading comments',
    ],
    maxWords: 5,
  },
];

/**
 * Credit lines that close wire copy ("Reporting by …; Editing by …") and media credits. They are
 * metadata, not prose, and must never be mistaken for spam: removed here, with reason byline-line.
 */
const BYLINE: LineRule[] = [
  {
    name: 'reporting-credit',
    reason: 'byline-line',
    match: 'starts',
    phrases: [
      'reporting by', 'additional reporting by', 'additional reporting', 'editing by', 'writing by',
      'compiled by', 'reporting and writing by', 'with reporting from', 'with reporting by',
    ],
    maxWords: 40,
  },
  {
    name: 'author-line',
    reason: 'byline-line',
    match: 'starts',
    phrases: ['by', 'written by', 'words by', 'story by', 'posted by'],
    maxWords: 7,
    notSentence: true,
    // "By Jane Doe", "Written by Jane Doe and John Roe": after the cue, names (capitalised words).
    test: (key, raw) => isAuthorLine(key, raw),
  },
  {
    // "By Jane Doe – Updated Sep 9, 2025 at 1:00 PM EST", "Von Thomas Müller · 12. März 2024, 14:30 Uhr":
    // the byline and the date on one line, at the top or the bottom
    name: 'author-date-line',
    reason: 'byline-line',
    match: 'equals',
    phrases: [],
    maxWords: 35,
    notSentence: true,
    edgeOnly: true,
    test: (_key, raw) => isAuthorDateLine(raw),
  },
  {
    name: 'author-box',
    reason: 'byline-line',
    match: 'equals',
    phrases: ['about the author', 'about the authors', 'about the writer', 'about author', 'author bio',
      'meet the author', 'author', 'authors'],
    maxWords: 4,
    tailOnly: true,
  },
  {
    // "About the author: Jane Doe covers markets for …": the bio on the header's own line
    name: 'author-bio',
    reason: 'byline-line',
    match: 'starts',
    phrases: ['about the author', 'about the authors', 'about the writer', 'about author', 'author bio', 'meet the author'],
    maxWords: 80,
    requireColon: true,
    tailOnly: true,
  },
  {
    name: 'date-line',
    reason: 'byline-line',
    match: 'equals',
    phrases: [],
    maxWords: 14,
    // "March 18, 2025 2:47 PM UTC", "Updated 2 hours ago", "Last modified: 14 October 2025 18.05 BST":
    // publication metadata on a line of its own, at the top or bottom (a list of dates in the
    // middle is content: an events calendar, a changelog).
    test: (key, raw) => isDateLine(key, raw),
    edgeOnly: true,
  },
  {
    name: 'contributed-credit',
    reason: 'byline-line',
    match: 'contains',
    phrases: ['contributed reporting', 'contributed to this report', 'contributed to this story', 'with inputs from',
      'with agency inputs', 'inputs from agencies'],
    maxWords: 25,
  },
  {
    name: 'media-credit',
    reason: 'byline-line',
    match: 'starts',
    phrases: ['photo', 'photos', 'image', 'images', 'picture', 'video', 'file photo', 'credit', 'source',
      'photograph', 'illustration', 'graphic', 'photo credit', 'photo credits', 'image credit', 'image source',
      'photo source', 'photo courtesy', 'image courtesy', 'picture credit', 'lead image', 'top image',
      'featured image', 'cover photo', 'header image', 'photography'],
    // "Photo: Jane Doe/AP" — short, with a colon, not a sentence.
    maxWords: 12,
    requireColon: true,
    notSentence: true,
  },
  {
    // "Featured image via Pixabay": a blog template's credit for its header picture ("Photo via
    // Pexels" under a picture in the text is the article's own caption)
    name: 'header-image-credit',
    reason: 'byline-line',
    match: 'starts',
    phrases: ['featured image via', 'featured image by', 'featured image courtesy', 'featured photo via', 'featured photo by',
      'header image via', 'header image by', 'cover image via', 'cover image by', 'top image via', 'lead image via'],
    maxWords: 10,
  },
];

/**
 * Sentences that close a scraped or blog article with a prompt ("Stay tuned for more updates.").
 * Only the final sentences of the last paragraph are tested; a match removes that sentence as a span.
 */
export const TRAILING_PROMPTS = {
  name: 'trailing-prompt',
  reason: 'share-subscribe',
  maxWords: 25,
  phrases: [
    'stay tuned', 'keep following', 'keep visiting', 'keep reading', 'follow us for', 'follow us on',
    'bookmark our', 'bookmark this', 'share this article', 'share this post', 'share this news', 'don t forget to share',
    'do not forget to share', 'please share', 'like and share', 'let us know in the comments',
    'tell us in the comments', 'tell us what you think', 'let us know what you think', 'for more news',
    'for more updates', 'for more such', 'for the latest news', 'for the latest updates', 'visit our website',
    'subscribe to our', 'join our telegram', 'join our whatsapp', 'download our app', 'thanks for reading',
    'thank you for reading', 'keep checking', 'check back for',
  ],
} as const satisfies { name: string; reason: RemovalReason; maxWords: number; phrases: readonly string[] };

/** A line that is no letters or digits at all ("* * *", "—", "|"). */
export const SYMBOLIC_RULE = { name: 'symbols-only', reason: 'empty-or-symbolic' } as const;

/** A title line equal to the known title (opts.title) near the top. */
export const TITLE_RULE = { name: 'title-repeat', reason: 'title-repeat' } as const;

/** Spam rules (see spam.ts): where in the document the run of keyword lines sat. */
export const SPAM_RULES = {
  tail: { name: 'keyword-tail', reason: 'spam-keywords' },
  head: { name: 'keyword-head', reason: 'spam-keywords' },
  inline: { name: 'keyword-run', reason: 'spam-keywords' },
  glued: { name: 'keyword-glued', reason: 'spam-keywords' },
} as const;

/** Link names that make a row of items a site's link bar rather than a table row. */
const SITE_LINK_WORDS = new Set([
  'home', 'about', 'about us', 'contact', 'contact us', 'privacy', 'privacy policy', 'terms', 'terms of use',
  'terms of service', 'careers', 'jobs', 'advertise', 'sitemap', 'help', 'faq', 'cookies', 'cookie policy',
  'legal', 'imprint', 'impressum', 'accessibility', 'subscribe', 'newsletter', 'press', 'blog', 'login',
  'log in', 'sign in', 'follow', 'rss', 'site map', 'our team',
]);

function isLinkBar(raw: string): boolean {
  if (!raw.includes('|') && !raw.includes('\u2022') && !raw.includes('\u00b7')) return false;
  let separators = 0;
  for (const ch of raw) if (ch === '|' || ch === '\u2022' || ch === '\u00b7') separators++;
  if (separators < 2) return false;
  const items = raw.split(/[|\u2022\u00b7]/).map((x) => x.trim()).filter(Boolean);
  // Short items without figures ("School | Tuition | $5,055" is a table row), one of them a site link.
  return items.length >= 3 && items.every((x) => x.split(' ').length <= 4 && !/\d/.test(x)) &&
    items.some((x) => SITE_LINK_WORDS.has(x.toLowerCase()));
}

/** Default account names of blog engines, shown as the author of scraped and spun posts. */
const CMS_ACCOUNTS = new Set(['admin', 'administrator', 'webmaster', 'editor', 'staff', 'guest', 'author', 'root', 'user']);

/** Spaced arrows between breadcrumb items; a spaced slash or ">" only after "Home". */
const BREADCRUMB_ARROWS = /\s[»›]\s/;
const BREADCRUMB_ANY = /\s[»›>/]\s/;

function isBreadcrumb(raw: string): boolean {
  const text = raw.trim();
  const fromHome = /^(?:home|start|news)\s[»›>/]\s/i.test(text);
  if (!fromHome && !BREADCRUMB_ARROWS.test(text)) return false;
  const items = text.split(fromHome ? BREADCRUMB_ANY : BREADCRUMB_ARROWS).map((x) => x.trim());
  return items.length >= 2 && items.length <= 8 && items.every((x) => x !== '' && x.split(' ').length <= 6) && !/[.!?]$/.test(text);
}

function isAuthorLine(key: string, raw: string): boolean {
  const cue = ['written by ', 'words by ', 'story by ', 'posted by ', 'by '].find((c) => key.startsWith(c));
  if (!cue) return false;
  const cueWords = cue.trim().split(' ').length;
  const names = raw.trim().split(/\s+/).slice(cueWords).filter((w) => !['and', '&', 'und', 'et', 'y', 'e'].includes(w));
  // "Written by admin": the default account of a blog engine, which spun and scraped sites keep
  if (names.length === 1 && CMS_ACCOUNTS.has(names[0].toLowerCase())) return true;
  // A person has at least two names ("By Functionality" is a table heading).
  if (names.length < 2 || names.length > 5) return false;
  // Every remaining word starts with a capital: "By Jane Doe", not "By then it was late"
  return names.every((w) => /^[\p{Lu}]/u.test(w.replace(/^[^\p{L}]+/u, '')));
}

/** Words a date/time line is made of (besides digits and MONTHS). */
const DATE_LINE_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed',
  'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'am', 'pm', 'a', 'p', 'm', 'utc', 'gmt', 'bst', 'cet', 'cest',
  'eet', 'eest', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'ist', 'jst', 'kst', 'aest', 'updated',
  'published', 'posted', 'modified', 'last', 'first', 'on', 'at', 'ago', 'hour', 'hours', 'minute', 'minutes',
  'min', 'mins', 'day', 'days', 'week', 'weeks', 'yesterday', 'today', 'st', 'nd', 'rd', 'th', 'of', 'date',
  'time', 'and', 'h',
]);

/** Words that announce a publication date ("Updated 2 hours ago"). */
const DATE_CUES = new Set(['updated', 'published', 'posted', 'modified']);

function isDateLine(key: string, raw: string): boolean {
  if (!/\d/.test(key) || raw.includes('|') || raw.includes('$')) return false; // no figure; table rows, prices
  let digit = false;
  let anchor = false; // a month name or a publication cue: "10 p.m." or a phone number alone is not a date line
  for (const w of key.split(' ')) {
    if (/^\d{1,4}$/.test(w) || /^\d{1,2}(st|nd|rd|th|h)$/.test(w)) digit = true;
    else if (MONTHS.has(w) || DATE_CUES.has(w)) anchor = true;
    else if (!DATE_LINE_WORDS.has(w)) return false;
  }
  return digit && anchor;
}

const COMMENT_COUNT_WORDS = ['comment', 'comments', 'response', 'responses', 'reply', 'replies', 'thought on',
  'thoughts on', 'response to', 'responses to', 'reply to', 'replies to'];

/** "12 comments", "5 thoughts on …": a number, then one of `words` (and, for "on"/"to", a title). */
function isCountLabel(key: string, words: readonly string[]): boolean {
  const sp = key.indexOf(' ');
  if (sp <= 0 || sp > 6) return false;
  for (let i = 0; i < sp; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const rest = key.slice(sp + 1);
  return words.some((w) => rest === w || (rest.startsWith(w + ' ') && (w.endsWith(' on') || w.endsWith(' to'))));
}

function isCopyrightLine(key: string, raw: string): boolean {
  const t = raw.trimStart();
  const signed = t.startsWith('\u00a9') || t.startsWith('(c)') || t.startsWith('(C)') || t.startsWith('&copy;');
  const worded = key.startsWith('copyright ');
  if (!signed && !worded) return false;
  // A year within the first few words: "© 2024 …", "Copyright © 2019-2024 …"
  const words = key.split(' ', 6);
  return words.some((w) => w.length === 4 && (w.startsWith('19') || w.startsWith('20')) && /^\d{4}$/.test(w))
    || key.includes('all rights reserved');
}

/** All line rules, in the order they are tried (first match wins). */
export const LINE_RULES: readonly LineRule[] = [
  ...COMMENT_FORM,
  ...SHARE_SUBSCRIBE,
  ...RELATED_LINKS,
  ...COOKIE_NOTICE,
  ...PAYWALL,
  ...ADVERTISING,
  ...DISCLAIMER,
  ...COPYRIGHT,
  ...NEWSROOM_FOOTER,
  ...HASHTAGS,
  ...NAVIGATION,
  ...BYLINE,
];

/**
 * Function words of the languages the web is mostly written in, by ISO 639-1 code. Used for two
 * language-neutral tests: a line made of the body language's function words reads like prose; a
 * function word of *another* language marks a line written in it (SEO tails are often Portuguese,
 * Spanish, Indonesian… under an English article).
 */
export const FUNCTION_WORDS_BY_LANGUAGE: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set([
    'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as',
    'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'it', 'its', 'he', 'she', 'they',
    'we', 'his', 'her', 'their', 'our', 'that', 'this', 'these', 'those', 'which', 'who', 'what', 'when',
    'where', 'how', 'why', 'not', 'no', 'will', 'would', 'can', 'could', 'should', 'may', 'after', 'before',
    'over', 'under', 'about', 'into', 'than', 'then', 'there', 'if', 'so', 'also', 'amid', 'against', 'you',
    'your', 'my', 'i', 'me', 'us', 'them', 'him', 'do', 'does', 'did', 'up', 'out', 'more', 'all',
  ]),
  es: new Set(['de', 'del', 'la', 'el', 'los', 'las', 'y', 'en', 'por', 'para', 'con', 'que', 'un', 'una', 'es',
    'se', 'lo', 'su', 'sus', 'al', 'como', 'pero', 'más', 'fue', 'este', 'esta']),
  pt: new Set(['de', 'da', 'do', 'das', 'dos', 'ao', 'aos', 'na', 'no', 'nas', 'nos', 'em', 'um', 'uma', 'e', 'o',
    'os', 'a', 'as', 'que', 'com', 'para', 'por', 'se', 'não', 'mais', 'foi', 'é', 'seu', 'sua']),
  it: new Set(['il', 'lo', 'la', 'di', 'per', 'che', 'le', 'gli', 'della', 'delle', 'del', 'un', 'una', 'e', 'è',
    'con', 'non', 'sono', 'nel', 'nella', 'al', 'alla']),
  fr: new Set(['le', 'la', 'les', 'des', 'du', 'de', 'et', 'au', 'aux', 'est', 'pour', 'dans', 'sur', 'avec', 'une',
    'un', 'qui', 'pas', 'que', 'ce', 'il', 'elle', 'ne', 'se', 'par', 'plus', 'sont']),
  de: new Set(['der', 'die', 'das', 'und', 'ist', 'mit', 'von', 'zu', 'den', 'dem', 'ein', 'eine', 'im', 'auf',
    'nicht', 'sich', 'auch', 'es', 'für', 'des', 'wird', 'sind', 'bei', 'nach', 'aus']),
  nl: new Set(['het', 'een', 'van', 'voor', 'op', 'niet', 'de', 'en', 'met', 'is', 'dat', 'zijn', 'ook', 'bij']),
  ru: new Set(['и', 'в', 'во', 'не', 'на', 'что', 'с', 'со', 'по', 'как', 'это', 'из', 'за', 'о', 'к', 'от',
    'для', 'у', 'же', 'но', 'а', 'бы', 'он', 'она', 'они', 'его', 'ее', 'их', 'так', 'был', 'была', 'были']),
  uk: new Set(['і', 'й', 'в', 'у', 'не', 'на', 'що', 'з', 'із', 'по', 'як', 'це', 'до', 'за', 'від', 'для',
    'але', 'а', 'він', 'вона', 'вони', 'його', 'її', 'їх', 'був', 'була']),
  tr: new Set(['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'olarak', 'çok', 'daha', 'gibi', 'ama', 'ne']),
  id: new Set(['yang', 'dan', 'di', 'ke', 'dari', 'untuk', 'ini', 'itu', 'dengan', 'tidak', 'akan', 'pada',
    'juga', 'dalam', 'ada', 'bisa']),
};

/** The union of FUNCTION_WORDS_BY_LANGUAGE. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  Object.values(FUNCTION_WORDS_BY_LANGUAGE).flatMap((set) => [...set]),
);

/**
 * Words that mark search-engine bait: file types, piracy, gambling, deals. Generic SEO vocabulary
 * in the languages such tails come in; a hit adds evidence, it never removes a line alone.
 */
export const SEO_MARKERS: ReadonlySet<string> = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'mp3', 'mp4', 'pdf', 'apk', 'torrent', 'hd', '4k', '1080p',
  '720p', 'download', 'downloads', 'descargar', 'baixar', 'telecharger', 'gratis', 'gratuit', 'free',
  'online', 'streaming', 'stream', 'watch', 'live', 'cheap', 'deals', 'deal', 'coupon', 'coupons',
  'promo', 'discount', 'casino', 'slot', 'slots', 'poker', 'betting', 'bet', 'lottery', 'jackpot', 'loto',
  'loteria', 'porn', 'xxx', 'sex', 'dating', 'viagra', 'crack', 'keygen', 'wallpaper', 'wallpapers',
  'clipart', 'icon', 'icons', 'logo', 'meme', 'memes', 'lyrics', 'letra', 'cifra', 'vector',
  'template', 'templates', 'login', 'price', 'prices', 'buy', 'sale',
]);

/**
 * Capitalised words that often begin a sentence. A lower-case letter run glued to one of these
 * ("UkraineIn exchange") is a lost sentence or link boundary. Single letters are left out except
 * "A", which must then be followed by a lower-case word.
 */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'A', 'An', 'The', 'In', 'On', 'At', 'For', 'After', 'Before', 'As', 'But', 'And', 'Or', 'So', 'Yet',
  'It', 'Its', 'He', 'She', 'They', 'We', 'You', 'His', 'Her', 'Their', 'Our', 'This', 'That', 'These',
  'Those', 'There', 'Here', 'When', 'While', 'Where', 'What', 'Why', 'How', 'If', 'However', 'Meanwhile',
  'According', 'Earlier', 'Later', 'Last', 'Since', 'During', 'Although', 'Though', 'Despite', 'With',
  'From', 'By', 'Under', 'Over', 'Some', 'Many', 'Most', 'Both', 'Such', 'Other', 'Several', 'Officials',
  'Still', 'Now', 'Then', 'Also', 'Instead', 'Even', 'Among', 'Amid', 'About', 'Across', 'Around', 'Because',
  'Unlike', 'Until', 'Without', 'Within', 'Once', 'Only', 'Each', 'Every', 'Another', 'Neither', 'Either',
  'One', 'Two', 'Three', 'Four', 'Five', 'Nearly', 'More', 'Few', 'All', 'Any', 'Yesterday', 'Today',
]);

/**
 * Starters that almost never end a camel-case name, so a join with one of them is split on the
 * shape alone ("HanoiThe two leaders"). Other starters ("In", "On", "As": "LinkedIn", "MoveOn")
 * need the left part to occur on its own elsewhere in the document as well.
 */
export const STRONG_SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'The', 'This', 'These', 'Those', 'However', 'Meanwhile', 'According', 'Although', 'Despite', 'Earlier',
  'They', 'She', 'Their', 'While', 'When',
]);

/**
 * Capitalised words that, met in mid-sentence and followed by a lower-case word, betray a lost
 * sentence boundary ("on Wednesday The pact pledges"). Narrower than SENTENCE_STARTERS: words like
 * "A", "As" or "From" legitimately sit capitalised inside titles of works far more often.
 */
export const MID_SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'The', 'It', 'He', 'She', 'They', 'We', 'This', 'These', 'Those', 'But', 'However', 'In', 'On',
  'Meanwhile', 'There', 'His', 'Her', 'Their', 'Its', 'According', 'Although', 'While', 'When',
]);

/**
 * Camel-case words that are real names ending in a starter word ("LinkedIn"). The splitter also
 * refuses a join the document repeats, so this list only needs the common cases.
 */
export const CAMEL_CASE_NAMES: ReadonlySet<string> = new Set([
  'linkedin', 'checkin', 'plugin', 'signin', 'login', 'logon', 'builtin', 'walkin', 'drivein', 'addon',
  'carryon', 'gameon', 'poweron', 'handson', 'moveon', 'optin', 'optout', 'popin', 'loggedin', 'wifion',
]);

/** Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'lt', 'col', 'capt', 'sgt', 'gov',
  'sen', 'rep', 'rev', 'hon', 'pres', 'inc', 'ltd', 'co', 'corp', 'bros', 'dept', 'univ', 'no', 'nos',
  'vs', 'v', 'etc', 'eg', 'ie', 'approx', 'est', 'fig', 'vol', 'pp', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'al',
  'ave', 'blvd', 'rd', 'cf', 'ca', 'min', 'max', 'km', 'kg', 'lb', 'oz',
  // German, French, Spanish, Russian
  'nr', 'bzw', 'vgl', 'usw', 'ggf', 'abs', 'mme', 'mlle', 'sra', 'sr', 'ud', 'ст', 'ч', 'мл', 'см', 'руб',
  'тыс', 'млн', 'млрд', 'им', 'гг', 'г',
]);

/** Month names, to recognise the date part of a Reuters-style dateline ("WASHINGTON, June 19 (Reuters) -"). */
export const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec',
]);

/** Dashes that close a dateline. The ASCII hyphen only counts with spaces round it. */
export const DATELINE_DASHES: readonly string[] = ['\u2014', '\u2013', ' -- ', ' - ', ' \u2012 ', ' \u2015 '];
