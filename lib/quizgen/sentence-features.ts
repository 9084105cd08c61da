import nlp from 'compromise';

/**
 * What a sentence is, as far as a question writer cares: a claim about the case, or something
 * else (a question to the reader, advice, an aside, a simile, a forecast, a hedged figure).
 * General rules of English, never the words of one article.
 */
export interface SentenceFeatures {
  words: number;
  /** Ends with a question mark: rhetorical or addressed to the reader. */
  question: boolean;
  /** Opens with a bare verb ("Invest in …", "Always have …"): advice, not a fact. */
  imperative: boolean;
  /** Speaks to or as the reader or author ("you", "we", "I", "let's"), outside quoted speech. */
  personal: boolean;
  /** A simile or an invitation to imagine ("It's like …", "Think of it as …"). */
  figurative: boolean;
  /** A figure the article itself does not vouch for ("up to", "according to reports", "estimated"). */
  hedged: boolean;
  /** Something that has not happened ("will", "experts predict", "is expected to"). */
  forecast: boolean;
  /** Opens with a word that points back to the previous sentence ("This", "They", "Such"). */
  needsContext: boolean;
}

const QUOTED = /“[^”]*”|"[^"]*"/g;
const PERSONAL = /\b(?:you|your|yours|yourself|we|we['’](?:re|ve|ll|d)|us|our|ours|let['’]s|I|I['’](?:m|ve|ll|d)|me|my|mine)\b/i;
const FIGURATIVE =
  /^(?:it|that|this)(?:['’]s| is| was)\s+(?:like|as if|almost like)\b|\b(?:think of (?:it|this|that|them|\w+) as|it['’]s like|is like|was like|as if)\b|\b(?:imagine|picture)\b/i;
const HEDGE =
  /\b(?:up to|as much as|as many as|according to (?:reports|some|sources|rumou?rs|estimates)|reportedly|allegedly|rumou?red|estimated|estimates? (?:suggest|say)|in some cases|some say|it is said|supposedly)\b/i;
const FORECAST =
  /\b(?:will|won['’]t|['’]ll|would|could|might|predicts?|predicted|forecasts? (?:that|to)|forecasted|forecasting|projects?(?=[^.;]{0,60}\d)|projected|projecting|anticipates?|anticipated|estimating|budgeting for|expects?|expected|is set to|are set to|plans? to|aims? to|hopes? to|likely to|poised to|looking ahead|(?:forecast|projection|budget|business plan|model)s?\s+(?:showed|shows|put|puts|assumed|assumes|called for|calls for|had|has|gave|gives)|(?:forecast|projection|budget|target|plan)s?(?=\s*:))\b/i;
/** The sentence without its asides: "the uncovered rate—jobs it could not staff—climbed" → "the uncovered rate climbed". */
function withoutAsides(text: string): string {
  // An em dash, or an en dash with spaces around it ("15–30%" is a range, not an aside).
  return text.replace(/\s*(?:—|\s–\s)[^—–]{3,120}?(?:—|\s–\s)\s*/g, ' ').replace(/\s*\([^()]{3,120}\)/g, '');
}

const BACK_REFERENCE =
  /^(?:this|that|these|those|it|its|they|them|their|he|his|she|her|such|here|there|then|which|who|both|another|also|again|still|plus)\b/i;
// A definite "shell noun" at the start ("The cost was margin", "The two had made up 40%", "The move
// cut …") stands for something said before it; so does "Together," or "In total,". General English.
const SHELL_OPENING =
  /^(?:(?:together|in total|combined|between them|in all)\b|the\s+(?:two|three|four|both|same|former|latter|first|second|third|last|next|other|rest|remainder|move|deal|plan|change|decision|cost|result|effect|idea|problem|trade-off|gamble|bet|step|shift|outcome|answer|reason|goal|aim|approach|cut|rise|fall|increase|drop|gain|loss|difference|gap|bulk|majority)\b)/i;

const LEADING_CONNECTIVE = /^(?:but|and|so|yet|or|now|well|okay|ok|of course|sure|still|plus|also)\b[,\s]*/i;

// Several families look at one sentence: remember what each sentence is (bounded, so memory stays flat).
const featureCache = new Map<string, SentenceFeatures>();
const leadInCache = new Map<string, string>();
const CACHE_LIMIT = 20_000;
function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export function sentenceFeatures(sentence: string): SentenceFeatures {
  return featureCache.get(sentence) ?? remember(featureCache, sentence, computeFeatures(sentence));
}

function computeFeatures(sentence: string): SentenceFeatures {
  const text = sentence.trim();
  const unquoted = text.replace(QUOTED, ' ');
  const body = stripLeadIn(text);
  return {
    words: text.split(/\s+/).filter(Boolean).length,
    question: /\?["'”’)]*$/.test(text),
    imperative: isImperative(body),
    personal: PERSONAL.test(unquoted),
    figurative: FIGURATIVE.test(unquoted),
    hedged: HEDGE.test(unquoted),
    // "may" in lower case: "May" inside a sentence is the month ("In May 2023 the board approved …").
    // An aside between dashes or in brackets defines a term ("jobs it could not staff"): its modal
    // is no forecast of the sentence.
    forecast: FORECAST.test(withoutAsides(unquoted)) || /\bmay\b/.test(withoutAsides(unquoted)),
    needsContext: BACK_REFERENCE.test(body) || SHELL_OPENING.test(body) || SHELL_OPENING.test(text),
  };
}

/** A plain claim about the case: a statement, not a question, advice, an aside or a simile. */
export function isClaim(f: SentenceFeatures): boolean {
  return !f.question && !f.imperative && !f.personal && !f.figurative;
}

/**
 * The sentence without a short lead-in: a connective ("But", "So"), a short phrase before a
 * colon ("Here's the twist:") or a short introductory phrase before a comma ("In numbers,").
 * What is left is still a verbatim substring of the sentence.
 */
export function stripLeadIn(sentence: string): string {
  return leadInCache.get(sentence) ?? remember(leadInCache, sentence, computeStripLeadIn(sentence));
}

function computeStripLeadIn(sentence: string): string {
  let s = sentence.trim();
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(LEADING_CONNECTIVE, '');
    const colon = /^([^:;“"]{1,60}):\s+(?=\S)/.exec(s);
    if (colon && colon[1]!.split(/\s+/).length <= 6) s = s.slice(colon[0].length);
    const comma = /^([^,“"]{1,40}),\s+(?=\S)/.exec(s);
    if (comma && isIntroductoryPhrase(comma[1]!)) s = s.slice(comma[0].length);
    if (s === before) break;
  }
  return s;
}

/** "In numbers", "For instance", "By 2022", "Overall": a phrase that sets the scene, with no verb of its own. */
function isIntroductoryPhrase(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  if (words.length > 5) return false;
  const doc = nlp(phrase);
  // "First off", "Sure enough": a few words and no noun to be a subject.
  if (words.length <= 3 && !doc.has('#Noun')) return true;
  const first = doc.terms().json()[0]?.terms?.[0]?.tags as string[] | undefined;
  if (!first) return false;
  const opensRight = first.includes('Preposition') || first.includes('Adverb') || first.includes('Conjunction');
  const hasFiniteVerb = doc.has('(#PastTense|#PresentTense)') && !doc.has('#Gerund') && !doc.has('#Preposition');
  return opensRight && !hasFiniteVerb;
}

function isImperative(body: string): boolean {
  const terms = nlp(body).terms().json() as { text: string; terms: { tags: string[]; text: string }[] }[];
  let i = 0;
  while (i < terms.length && terms[i]!.terms[0]!.tags.includes('Adverb')) i++;
  const tags = terms[i]?.terms[0]?.tags ?? [];
  // "Total costs were $1,047,600": a noun and its verb after the first word make it a subject, not a
  // command (blind review v16, c35).
  // So do a noun and a phrase after it before the verb: "Total revenue in 2022 was $38.0 million" (v17a, c38).
  const next = terms.slice(i + 1, i + 8);
  if (next[0]?.terms[0]?.tags.includes('Noun')) {
    for (const t of next.slice(1)) {
      const tags = t.terms[0]?.tags ?? [];
      if (tags.includes('Copula') || tags.includes('PastTense')) return false;
      if (/[,;:]$/.test(t.text) || /^(?:that|which|who|where|when|because|if|and|or|but)$/i.test(t.terms[0]?.text ?? '')) break;
    }
  }
  if (tags.includes('Imperative')) return true;
  // A bare infinitive opening a sentence, with no subject before it ("Invest in people.").
  return tags.includes('Infinitive') && !tags.includes('Noun') && !tags.includes('Gerund') && !tags.includes('PastTense');
}

const wordsCache = new Map<string, Set<string>>();

/** Content words (lower-case, 4+ letters, not function words), for overlap between texts. */
export function contentWords(text: string): Set<string> {
  return wordsCache.get(text) ?? remember(wordsCache, text, computeContentWords(text));
}

function computeContentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}[\p{L}'’-]{3,}/gu)) {
    const w = m[0].replace(/['’]s$/, '');
    if (!FUNCTION_WORDS.has(w)) out.add(stem(w));
  }
  return out;
}

/** A crude suffix stripper: enough to see "regulators" and "regulation" as one word. */
function stem(word: string): string {
  return word.replace(/(?:ations?|ators?|ings?|ments?|ness|ies|ied|ed|es|s|ly|al|ive|ory)$/, '').slice(0, 7);
}

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word) || SHORT_FUNCTION_WORDS.has(word);
}

const SHORT_FUNCTION_WORDS = new Set(
  'a an and are as at be but by for had has he her his if in is it its of on or our she so the to was we who why how you not no can did do per via its'.split(
    ' ',
  ),
);

// English function words; a general list, not one article's.
const FUNCTION_WORDS = new Set(
  `about above across after again against along also although among another around because been before being below
  beside between both could does doing down during each either enough even ever every from further have having here
  into itself just less many more most much must near neither never none only onto other others otherwise over
  rather same several should since some such than that their theirs them then there these they this those though
  through thus under unless until upon very were what whatever when where whether which while whom whose will with
  within without would your yours just like really still also quite well`.split(/\s+/),
);
