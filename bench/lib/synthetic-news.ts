/**
 * Deterministic synthetic news pages for throughput benchmarks: article-like prose assembled from general
 * word lists, with the noise crawls carry (keyword tails, comment forms, navigation) and some duplicates.
 * Generated at run time so no large data is committed. Not for quality measurement.
 */
import { mulberry32 } from '../../src/similarity/hash.js';

const FIRST = ['Maria', 'James', 'Amina', 'Lukas', 'Sofia', 'Daniel', 'Priya', 'Tomas', 'Elena', 'Kwame', 'Yuki', 'Omar'];
const LAST = ['Ortega', 'Hale', 'Okafor', 'Brandt', 'Lindqvist', 'Moreau', 'Sharma', 'Novak', 'Costa', 'Mensah', 'Tanaka', 'Haddad'];
const ROLES = ['Finance Minister', 'Mayor', 'chief executive', 'spokesperson', 'Prime Minister', 'senator', 'police chief', 'professor'];
const PLACES = ['Lisbon', 'Nairobi', 'Osaka', 'Toronto', 'Hamburg', 'Lima', 'Accra', 'Brisbane', 'Warsaw', 'Cairo', 'Manila', 'Denver'];
const SUBJECTS = ['the council', 'the ministry', 'the company', 'the union', 'regulators', 'investigators', 'the court', 'lawmakers', 'residents', 'the agency'];
const VERBS = ['approved', 'rejected', 'announced', 'delayed', 'criticised', 'defended', 'reviewed', 'expanded', 'suspended', 'proposed'];
const OBJECTS = ['a new budget', 'the rail project', 'a housing plan', 'the trade deal', 'emergency funding', 'the merger', 'new safety rules', 'a tax reform', 'the water contract', 'a pilot programme'];
const CLAUSES = ['after weeks of negotiations', 'despite strong opposition', 'amid rising costs', 'following a public consultation', 'ahead of the elections', 'citing concerns over transparency', 'in a surprise move', 'according to officials'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SPAM = ['free movie download hd', 'cheap flights deals today', 'lottery results live', 'best casino bonus', 'png icon pack', 'novela ao vivo online', 'jogo gratis'];
const OUTLETS = ['Harbor Ledger', 'Meridian Wire', 'Northgate Post', 'Coastline Daily', 'Valley Courier', 'Summit Tribune'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function sentence(rand: () => number): string {
  const who = `${pick(rand, ROLES)} ${pick(rand, FIRST)} ${pick(rand, LAST)}`;
  switch (Math.floor(rand() * 4)) {
    case 0:
      return `${cap(pick(rand, SUBJECTS))} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} in ${pick(rand, PLACES)} on ${pick(rand, DAYS)}, ${pick(rand, CLAUSES)}.`;
    case 1:
      return `"We have ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} because it matters to ${pick(rand, PLACES)}," ${who} said.`;
    case 2:
      return `${who} said ${pick(rand, SUBJECTS)} had ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} ${pick(rand, CLAUSES)}.`;
    default:
      return `The decision affects about ${Math.floor(rand() * 90000 + 1000)} people and ${pick(rand, OBJECTS)}, ${pick(rand, CLAUSES)}.`;
  }
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

export interface SyntheticDoc {
  name: string;
  text: string;
  html: string;
}

/** Document i of a corpus with the given seed. Every 20th repeats an earlier one exactly; every 20th+1 nearly. */
export function syntheticDoc(seed: number, i: number): SyntheticDoc {
  const base = i % 20 === 0 && i > 0 ? i - 7 : i % 20 === 1 && i > 1 ? i - 9 : i;
  const rand = mulberry32(seed * 1_000_003 + base);
  const outlet = pick(rand, OUTLETS);
  const title = `${cap(pick(rand, SUBJECTS))} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} in ${pick(rand, PLACES)}`;
  const paragraphs: string[] = [];
  const nPara = 6 + Math.floor(rand() * 8);
  for (let p = 0; p < nPara; p++) {
    const n = 2 + Math.floor(rand() * 3);
    paragraphs.push(Array.from({ length: n }, () => sentence(rand)).join(' '));
  }
  if (i % 20 === 1 && i > 1) paragraphs[0] = `${pick(rand, PLACES).toUpperCase()} (${outlet}) — ` + paragraphs[0];
  const tail: string[] = [];
  if (rand() < 0.25) for (let k = 0; k < 4; k++) tail.push(pick(rand, SPAM));
  if (rand() < 0.15) tail.push('Leave a Reply', 'Your email address will not be published. Required fields are marked *');
  const text = [title, '', ...paragraphs.flatMap((p) => [p, '']), ...tail].join('\n');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | ${outlet}</title>
<meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="2025-0${1 + (base % 9)}-1${base % 10}T08:00:00Z"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<article><h1>${esc(title)}</h1><p class="byline">By ${pick(rand, FIRST)} ${pick(rand, LAST)}</p>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
<aside class="related"><h3>Related posts</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">More news</a></li></ul></aside>
<footer>© 2025 ${outlet}. All rights reserved.</footer></body></html>`;
  return { name: `doc-${String(i).padStart(6, '0')}`, text, html };
}
