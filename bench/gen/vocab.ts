/**
 * Vocabularies and sentence templates for the synthetic story corpus. Everything is invented and
 * general: event types any newsroom covers, made-up names built from syllables, and plain English
 * synonyms for spinning. No sentence comes from a real article.
 *
 * Slots: {place} {country} {p1} {p2} {p3} (people) {r1} {r2} {r3} (their roles) {org} {org2}
 * {n1} {n2} {n3} (numbers) {day} (weekday) {month}.
 */

export interface Topic {
  name: string;
  /** Headline templates. */
  titles: string[];
  /** Facts of an event of this kind; each fact has several phrasings (independent reports differ). */
  facts: string[][];
}

export const TOPICS: Topic[] = [
  {
    name: 'earthquake',
    titles: [
      'Earthquake of magnitude {n1}.{n3} strikes {place}, {n2} dead',
      'Strong quake hits {place} in {country}; rescuers search rubble',
      '{n2} killed as earthquake shakes {place}',
    ],
    facts: [
      ['An earthquake of magnitude {n1}.{n3} struck {place} on {day}, killing at least {n2} people and injuring many more.', 'At least {n2} people were killed when a magnitude {n1}.{n3} earthquake hit {place} on {day}.'],
      ['The quake was centred about {n3}0 kilometres north of {place} at a shallow depth, the national seismic agency said.', 'Seismologists said the epicentre lay roughly {n3}0 kilometres north of {place}, close to the surface.'],
      ['Rescue teams worked through the night to pull survivors from collapsed buildings in the old town.', 'Rescuers dug through the rubble of collapsed homes overnight, searching for people trapped inside.'],
      ['{p1}, the {r1}, declared a state of emergency across the region and promised swift help for families who lost their homes.', 'The {r1}, {p1}, announced a regional state of emergency and pledged rapid assistance to families left homeless.'],
      ['Hospitals in {place} said they were overwhelmed and appealed for blood donations.', 'Overstretched hospitals in {place} asked residents to donate blood.'],
      ['Several aftershocks rattled the area on {day}, sending frightened residents into the streets.', 'Frightened residents rushed outdoors as aftershocks shook the area throughout {day}.'],
      ['{org} said it was sending tents, water and medical teams to the worst-hit villages.', 'Aid group {org} said medical teams, tents and clean water were on their way to the hardest-hit villages.'],
      ['Power and telephone lines were cut in large parts of the province, making it hard to assess the damage.', 'With power and phone lines down across much of the province, officials struggled to measure the scale of the damage.'],
    ],
  },
  {
    name: 'election',
    titles: [
      '{p1} wins {country} presidential election with {n1}% of vote',
      '{country} votes: {p1} claims victory over {p2}',
      'Opposition disputes {p1} win in {country} election',
    ],
    facts: [
      ['{p1} won the presidential election in {country} with {n1} percent of the vote, the electoral commission said on {day}.', 'The electoral commission said on {day} that {p1} had won the presidency of {country}, taking {n1} percent of the vote.'],
      ['The main challenger, {p2}, received {n2} percent and said he would challenge the result in court.', 'Rival candidate {p2} finished with {n2} percent and vowed to contest the outcome in the courts.'],
      ['Turnout was about {n3}0 percent, higher than in the last vote, according to official figures.', 'Official figures put turnout at roughly {n3}0 percent, up from the previous election.'],
      ['Supporters of {p1} celebrated in the streets of {place}, the capital, waving flags and honking car horns.', 'In the capital, {place}, crowds of {p1} supporters poured into the streets with flags, horns blaring.'],
      ['International observers from {org} said the vote was largely orderly but noted problems with voter lists.', 'Observers from {org} described the vote as mostly orderly, while pointing to flaws in the voter rolls.'],
      ['{p1}, a former {r1}, campaigned on promises to fight corruption and create jobs for young people.', 'A former {r1}, {p1} ran on a platform of tackling corruption and creating jobs for the young.'],
      ['The new president is due to be sworn in next month, the commission said.', 'The inauguration of the new president is scheduled for next month, according to the commission.'],
      ['{p3}, the {r3}, called on all sides to accept the result and avoid violence.', 'The {r3}, {p3}, urged every side to respect the outcome and refrain from violence.'],
    ],
  },
  {
    name: 'strike',
    titles: [
      '{org} workers walk out in {place} over pay',
      'Strike at {org} halts production in {place}',
      '{n2},000 {org} employees strike for higher wages',
    ],
    facts: [
      ['Thousands of workers at {org} went on strike in {place} on {day}, demanding a pay rise of {n1} percent.', 'Workers at {org} in {place} walked off the job on {day}, seeking a {n1} percent increase in wages.'],
      ['The union, which represents about {n2},000 employees, said talks with management had collapsed after {n3} weeks.', 'After {n3} weeks of negotiations, talks with management broke down, said the union, which speaks for roughly {n2},000 staff.'],
      ['{p1}, the {r1}, told reporters that the company had offered too little to cover rising living costs.', 'The {r1}, {p1}, told journalists the company offer fell far short of rising living costs.'],
      ['Production at the main plant came to a halt, and deliveries to customers were delayed.', 'Output at the main factory stopped, delaying shipments to customers.'],
      ['{org} said in a statement that its offer was fair and urged staff to return to work.', 'In a statement, {org} called its offer fair and asked employees to go back to work.'],
      ['Analysts estimated the walkout could cost the company millions of dollars a day.', 'The stoppage could cost the firm millions of dollars each day, analysts estimated.'],
      ['{p2}, the {r2}, offered to mediate between the two sides.', 'The {r2}, {p2}, said the government was ready to mediate between the union and the company.'],
      ['Pickets gathered outside the factory gates in {place} carrying banners and singing.', 'Outside the plant gates in {place}, pickets sang and held up banners.'],
    ],
  },
  {
    name: 'storm',
    titles: [
      'Storm {p3} batters {place} with heavy rain and floods',
      'Floods kill {n2} as storm sweeps across {country}',
      'Thousands evacuated as storm nears {place}',
    ],
    facts: [
      ['A powerful storm brought heavy rain and winds of up to {n1}0 kilometres an hour to {place} on {day}.', 'Winds reaching {n1}0 kilometres per hour and torrential rain lashed {place} on {day} as a strong storm arrived.'],
      ['At least {n2} people died in floods and landslides, and {n3},000 were forced to leave their homes.', 'Floods and landslides killed at least {n2} people and drove {n3},000 from their homes.'],
      ['Rivers burst their banks, cutting roads and flooding farmland across the region.', 'Swollen rivers overflowed, cutting off roads and submerging fields across the region.'],
      ['{p1}, the {r1}, said emergency crews were using boats to reach stranded families.', 'Emergency workers were using boats to reach families cut off by the water, said {p1}, the {r1}.'],
      ['Schools and government offices in {place} were closed until further notice.', 'Authorities closed schools and public offices in {place} until further notice.'],
      ['Forecasters warned that more rain was expected over the coming days.', 'Weather forecasters said further heavy rain was likely in the days ahead.'],
      ['{org} said it had opened shelters for displaced people and was distributing food.', 'Shelters for the displaced have been opened and food is being handed out, {org} said.'],
      ['Thousands of homes were without electricity, the national grid operator said.', 'The national grid operator said thousands of households had lost power.'],
    ],
  },
  {
    name: 'court',
    titles: [
      'Court convicts {p1} of fraud in {place}',
      '{p1} sentenced to {n1} years in {org} fraud case',
      'Judge rules against {p1} in {org} corruption trial',
    ],
    facts: [
      ['A court in {place} found {p1} guilty of fraud on {day} and sentenced him to {n1} years in prison.', '{p1} was convicted of fraud by a court in {place} on {day} and given a {n1}-year prison term.'],
      ['Prosecutors said {p1} had taken more than {n2} million dollars from {org} over several years.', 'According to prosecutors, {p1} siphoned over {n2} million dollars out of {org} across several years.'],
      ['Judge {p2} said the evidence showed a deliberate scheme to deceive investors.', 'The evidence pointed to a deliberate plan to mislead investors, Judge {p2} said.'],
      ['Lawyers for {p1} said they would appeal the verdict.', 'The defence team for {p1} said an appeal would be filed.'],
      ['The trial lasted {n3} months and heard from dozens of witnesses, including former employees.', 'Over {n3} months the court heard dozens of witnesses, among them former staff members.'],
      ['{org} said in a statement that it welcomed the ruling and would seek to recover the money.', 'In a statement, {org} welcomed the verdict and said it would try to recover the funds.'],
      ['{p1}, a former {r1}, had denied all the charges.', 'A former {r1}, {p1} had denied every charge against him.'],
      ['Anti-corruption groups said the case showed that powerful people could be held to account.', 'Campaigners against corruption said the verdict proved the powerful could be held accountable.'],
    ],
  },
  {
    name: 'earnings',
    titles: [
      '{org} profit rises {n1}% on strong demand',
      '{org} beats forecasts, shares jump',
      '{org} reports quarterly results, raises outlook',
    ],
    facts: [
      ['{org} said on {day} that its quarterly profit rose {n1} percent to {n2}0 million dollars, helped by strong demand.', 'Strong demand lifted quarterly profit at {org} by {n1} percent to {n2}0 million dollars, the company said on {day}.'],
      ['Revenue grew to {n3}.{n1} billion dollars, ahead of analyst forecasts.', 'Sales climbed to {n3}.{n1} billion dollars, beating the expectations of analysts.'],
      ['Shares in {org} jumped {n3} percent in early trading in {place}.', 'In early trade in {place}, {org} shares rose {n3} percent.'],
      ['{p1}, the {r1}, said the company expected growth to continue for the rest of the year.', 'The {r1}, {p1}, said the company expected growth to last through the rest of the year.'],
      ['The company raised its full-year outlook and announced a larger dividend.', 'It lifted its forecast for the full year and increased its dividend.'],
      ['Costs rose because of higher wages and energy prices, the company said.', 'Higher energy prices and wages pushed costs up, according to the company.'],
      ['{p2}, an analyst at {org2}, said the results were better than expected.', 'The results beat expectations, said {p2}, an analyst with {org2}.'],
      ['{org} plans to open {n2} new stores and hire about {n3},000 people next year.', 'Next year {org} intends to open {n2} new stores and take on roughly {n3},000 staff.'],
    ],
  },
  {
    name: 'summit',
    titles: [
      'Leaders of {country} and neighbours meet in {place} for trade talks',
      '{p1} and {p2} sign trade pact in {place}',
      'Summit in {place} ends with deal on trade and energy',
    ],
    facts: [
      ['{p1} and {p2} signed a trade and energy agreement at a summit in {place} on {day}.', 'At a summit in {place} on {day}, {p1} and {p2} signed an accord covering trade and energy.'],
      ['The deal cuts tariffs on {n2} categories of goods and sets up a joint investment fund worth {n1} billion dollars.', 'Under the agreement, tariffs fall on {n2} kinds of goods and a {n1}-billion-dollar joint investment fund is created.'],
      ['{p1}, the {r1}, called the agreement a new chapter in relations between the two countries.', 'The {r1}, {p1}, described the pact as the start of a new chapter in bilateral ties.'],
      ['The two leaders held talks for about {n3} hours, longer than planned.', 'Their talks ran for around {n3} hours, longer than scheduled.'],
      ['{p2}, the {r2}, said the countries would also cooperate on border security.', 'The countries will also work together on border security, said {p2}, the {r2}.'],
      ['Critics at {org} said the deal lacked protections for workers and the environment.', 'The agreement offered little protection for workers or the environment, critics at {org} said.'],
      ['Protesters gathered outside the conference centre in {place}, but the police kept them away.', 'Police kept demonstrators at a distance from the conference venue in {place}.'],
      ['The leaders agreed to meet again next year in {country}.', 'Another meeting is planned for next year in {country}, the leaders agreed.'],
    ],
  },
  {
    name: 'fire',
    titles: [
      'Wildfire forces evacuations near {place}',
      'Firefighters battle blaze as {n2},000 hectares burn in {country}',
      'Fire near {place} destroys {n3}0 homes',
    ],
    facts: [
      ['A wildfire spread across {n2},000 hectares of forest near {place} on {day}, forcing thousands of people to flee.', 'Thousands fled on {day} as a wildfire burned through {n2},000 hectares of forest close to {place}.'],
      ['More than {n1}00 firefighters, backed by aircraft, were battling the flames.', 'Over {n1}00 firefighters, supported by water-bombing planes, fought the blaze.'],
      ['At least {n3}0 homes were destroyed, but no deaths were reported, the authorities said.', 'The authorities said at least {n3}0 houses had burned down, with no deaths reported so far.'],
      ['{p1}, the {r1}, said strong winds and dry weather were driving the fire toward the town.', 'Dry conditions and strong winds pushed the fire toward the town, said the {r1}, {p1}.'],
      ['Roads into the area were closed and residents were told to leave immediately.', 'Access roads were shut and residents were ordered to leave at once.'],
      ['{org} opened emergency shelters in schools and sports halls.', 'Emergency shelters were set up in schools and gyms by {org}.'],
      ['Investigators were trying to establish the cause of the fire.', 'The cause of the blaze was under investigation.'],
      ['{p2}, the {r2}, promised compensation for families who lost their homes.', 'Families whose homes burned will receive compensation, the {r2}, {p2}, pledged.'],
    ],
  },
  {
    name: 'merger',
    titles: [
      '{org} agrees to buy {org2} for ${n1} billion',
      '{org} and {org2} announce merger',
      '{org} takeover of {org2} draws regulator scrutiny',
    ],
    facts: [
      ['{org} agreed on {day} to buy {org2} for about {n1} billion dollars in cash and shares.', 'On {day}, {org} reached a deal to acquire {org2} for roughly {n1} billion dollars in cash and stock.'],
      ['The deal would create one of the largest companies in its sector, with about {n2},000 employees.', 'The combined company would rank among the biggest in the sector, employing around {n2},000 people.'],
      ['{p1}, the {r1} of {org}, said the merger would save {n3}00 million dollars a year in costs.', 'The merger should cut costs by {n3}00 million dollars annually, said {p1}, the {r1} of {org}.'],
      ['Shareholders of {org2} will receive a premium of {n3}0 percent over the last closing price.', '{org2} shareholders are being offered {n3}0 percent above the latest closing price.'],
      ['Regulators in {country} are expected to examine the deal closely.', 'Competition authorities in {country} are likely to scrutinise the takeover.'],
      ['{p2}, an analyst at {org3}, said the price looked high but the logic was sound.', 'The price seemed steep though the reasoning was solid, said {p2}, an analyst with {org3}.'],
      ['The companies expect the deal to close by the end of next year.', 'Completion is expected by the end of next year, the companies said.'],
      ['Unions said they feared job cuts at plants in {place}.', 'Unions voiced fears of job losses at factories in {place}.'],
    ],
  },
  {
    name: 'protest',
    titles: [
      'Thousands protest in {place} against fuel price rise',
      'Police clash with protesters in {place}',
      'Protests spread across {country} over new tax',
    ],
    facts: [
      ['Thousands of people marched through {place} on {day} to protest against a rise in fuel prices.', 'On {day}, thousands marched in {place} against higher fuel prices.'],
      ['Police used tear gas to disperse crowds near the parliament building, and {n2} people were arrested.', 'Near parliament, police fired tear gas to break up the crowds and detained {n2} people.'],
      ['The government raised fuel prices by {n1} percent last week, citing pressure on public finances.', 'Last week the government increased fuel prices by {n1} percent, blaming strained public finances.'],
      ['{p1}, the {r1}, said the increase was painful but necessary.', 'The {r1}, {p1}, called the increase painful yet necessary.'],
      ['Opposition leader {p2} called for the price rise to be reversed and for new protests next week.', '{p2}, who leads the opposition, demanded the increase be scrapped and called more protests for next week.'],
      ['Shops in the city centre stayed closed, and public transport was disrupted.', 'City centre shops remained shut and public transport was disrupted.'],
      ['{org} urged the authorities to respect the right to peaceful protest.', 'The authorities should respect the right to protest peacefully, {org} said.'],
      ['{n3} police officers were injured in the clashes, the interior ministry said.', 'The interior ministry said {n3} officers were hurt in the clashes.'],
    ],
  },
  {
    name: 'launch',
    titles: [
      '{org} unveils new {gadget} with longer battery life',
      '{org} launches {gadget} to rival {org2}',
      '{org} {gadget} goes on sale at ${n1}99',
    ],
    facts: [
      ['{org} unveiled its new {gadget} at an event in {place} on {day}, promising a battery that lasts {n3} days.', 'At an event in {place} on {day}, {org} showed off a new {gadget} with a battery it says lasts {n3} days.'],
      ['The device will go on sale next month at a price of {n1}99 dollars.', 'It goes on sale next month for {n1}99 dollars.'],
      ['{p1}, the {r1}, said the {gadget} was the most important product in the company history.', 'The {r1}, {p1}, called the {gadget} the most important product the company has ever made.'],
      ['The {gadget} competes directly with products from {org2}, which dominates the market.', 'It takes on {org2}, the market leader, head to head.'],
      ['Analysts said the price was aggressive and could win market share.', 'The aggressive pricing could help it gain market share, analysts said.'],
      ['{org} said it had sold {n2} million units of the previous model.', 'The company said {n2} million units of the earlier model had been sold.'],
      ['Early reviewers praised the screen but criticised the weight.', 'First reviews praised the display but found the device heavy.'],
      ['Shares in {org} rose {n3} percent after the announcement.', 'After the launch, {org} shares gained {n3} percent.'],
    ],
  },
  {
    name: 'match',
    titles: [
      '{org} beat {org2} {n3}-{n1} to win the cup final',
      '{org} crowned champions after final win in {place}',
      '{p1} scores twice as {org} win final',
    ],
    facts: [
      ['{org} beat {org2} {n3}-{n1} in the cup final in {place} on {day}.', 'In the cup final in {place} on {day}, {org} defeated {org2} {n3}-{n1}.'],
      ['{p1} scored twice in the second half to seal the victory.', 'Two second-half goals from {p1} sealed the win.'],
      ['It was the first title for {org} in {n2} years.', 'The club had waited {n2} years for a title.'],
      ['{p2}, the {r2}, said his players had shown great character.', 'His players showed great character, said {p2}, the {r2}.'],
      ['About {n2},000 fans filled the stadium, and celebrations went on late into the night.', 'Around {n2},000 supporters packed the stadium, and the celebrations lasted well into the night.'],
      ['{org2} had taken an early lead through a penalty but could not hold on.', 'An early penalty put {org2} ahead, but they failed to hold on.'],
      ['The winners will play in the continental competition next season.', 'Next season the champions will compete in the continental tournament.'],
      ['{p3}, the {r3}, congratulated the team and declared a public celebration.', 'The {r3}, {p3}, congratulated the side and announced a public celebration.'],
    ],
  },
];

/** Sentences any report may carry, on any topic: the filler of real newswriting. */
export const FILLER: string[] = [
  'Officials did not immediately respond to requests for further comment.',
  'More details are expected to be released in the coming days.',
  'The situation remains fluid, and figures may change.',
  'It was not immediately clear how the decision would affect the wider region.',
  'Local media reported that the mood in the area was tense.',
  'The announcement came after weeks of speculation.',
];

export const ROLES = ['prime minister', 'interior minister', 'mayor', 'governor', 'union leader', 'chief executive', 'finance minister', 'spokesman', 'regional governor', 'head coach', 'president', 'police chief', 'foreign minister', 'chairman'];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const GADGETS = ['phone', 'tablet', 'laptop', 'smartwatch', 'headset', 'camera', 'speaker', 'console'];

export const SYLLABLES = [
  'al', 'ber', 'cor', 'dan', 'el', 'fen', 'gar', 'hal', 'is', 'jor', 'kel', 'lan', 'mar', 'nor', 'os', 'pel',
  'quin', 'ros', 'sal', 'tor', 'ul', 'vin', 'wen', 'yar', 'zel', 'bra', 'dre', 'ka', 'lo', 'mi', 'ne', 'ri',
  'sa', 'te', 'vo', 'ga', 'thu', 'ce', 'fi', 'ho',
];
export const PLACE_SUFFIXES = ['ia', 'burg', 'ton', 'vale', 'grad', 'stan', 'mouth', 'ford', 'polis', 'heim'];
export const ORG_SUFFIXES = ['Industries', 'Group', 'Holdings', 'Motors', 'Foods', 'Systems', 'Relief', 'Watch', 'United', 'Partners', 'Bank', 'Energy'];

/** General English synonyms used to spin a text (both directions are applied). */
export const SYNONYMS: Array<[string, string]> = [
  ['said', 'stated'], ['people', 'individuals'], ['killed', 'left dead'], ['homes', 'houses'],
  ['families', 'households'], ['help', 'assistance'], ['promised', 'vowed'], ['strong', 'powerful'],
  ['large', 'big'], ['about', 'around'], ['more than', 'over'], ['told', 'informed'],
  ['company', 'firm'], ['workers', 'employees'], ['rise', 'increase'], ['rose', 'climbed'], ['began', 'started'],
  ['expected', 'anticipated'], ['deal', 'agreement'], ['announced', 'declared'], ['cut', 'reduce'],
  ['government', 'administration'], ['authorities', 'officials'], ['area', 'region'], ['hard', 'difficult'],
  ['many', 'numerous'], ['fear', 'worry'], ['show', 'demonstrate'], ['start', 'beginning'], ['quickly', 'rapidly'],
  ['next', 'coming'], ['reporters', 'journalists'], ['price', 'cost'], ['talks', 'negotiations'],
  ['offered', 'proposed'], ['week', 'seven days'], ['injured', 'hurt'], ['closed', 'shut'], ['city', 'town'],
  ['near', 'close to'], ['big', 'major'], ['fans', 'supporters'], ['won', 'secured'], ['beat', 'defeated'],
  ['result', 'outcome'], ['called', 'described'], ['urged', 'called on'], ['demand', 'appetite'],
];

export const OUTLET_PREFIXES = ['Daily', 'Morning', 'Evening', 'Weekly', 'National', 'Metro', 'Global', 'City'];
export const OUTLET_NOUNS = ['Herald', 'Courier', 'Times', 'Post', 'Ledger', 'Observer', 'Gazette', 'Record', 'Bulletin', 'Chronicle'];
export const WIRES = [
  { name: 'Wire Press', code: 'WP' },
  { name: 'United Newswire', code: 'UNW' },
  { name: 'Global Dispatch', code: 'GD' },
];
export const BOILERPLATE = [
  'Sign up for our newsletter to get the top stories every morning.',
  'Copyright reserved. This material may not be published without permission.',
  'Follow us for more updates on this story.',
];
