import nlp from 'compromise';
import type { EntityType } from './types';

// The last word of many company names says what they are ("Harbor Coffee", "Velden Tools").
const ORGANIZATION_WORDS = new Set(
  `Inc Corp Corporation Group Company Co Ltd LLC PLC AG GmbH SA Holdings Bank Academy Labs Lab University
  Institute Organization Organisation Association Foundation Partners Capital Ventures Systems Technologies
  Tech Markets Market Motors Airlines Airways Media Studios Pharma Energy Services Cloud Networks Software
  Robotics Logistics Retail Stores Brands Industries Shipping Telecom Insurance Securities Exchange Agency
  Ministry Council Commission Bureau Office Committee`.split(/\s+/),
);
const PERSON_CONTEXT_BEFORE =
  /(?:\b(?:CEO|CFO|COO|CTO|founder|co-founder|chairman|chairwoman|chair|president|chief executive|director|manager|owner|head|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|analyst|economist|professor)\s+)$/i;
const PERSON_CONTEXT_AFTER =
  /^(?:[’']s)?\s*(?:,\s*(?:the|its|their|a|an|who)\b|\s*(?:said|says|told|recalled|argued|explained|admitted|wrote|who)\b)/i;
// "in X" alone also precedes products, firms and years ("invested in Corebridge"): only unambiguous place phrases count.
const PLACE_CONTEXT_BEFORE =
  /\b(?:near|outside|based in|headquartered in|moved to|relocated to|expanded to|expanded into|offices? in|stores? in|plants? in|factory in|city of|town of)\s+$/;
const NOT_A_THING =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/**
 * Sorts the article's names into people, places and organizations (companies, products and other
 * named things), so a distractor is the same kind of thing as the key. Uses compromise's lexicon
 * for well-known names and the article's own context ("CEO Maya Lindqvist said", "Harbor Coffee")
 * for the rest. Names it cannot place (weekdays, demonyms) are left out of the map.
 */
export function classifyEntities(names: Iterable<string>, sentences: string[]): Map<string, EntityType> {
  const distinct = [...new Set(names)];
  const types = new Map<string, EntityType>();
  const personContext = new Set<string>();
  const placeContext = new Set<string>();
  const wanted = new Set(distinct);
  for (const s of sentences) {
    for (const name of namesIn(s, wanted)) {
      let at = s.indexOf(name);
      while (at >= 0) {
        if (
          PERSON_CONTEXT_BEFORE.test(s.slice(Math.max(0, at - 40), at)) ||
          PERSON_CONTEXT_AFTER.test(s.slice(at + name.length, at + name.length + 20))
        ) {
          personContext.add(name);
        }
        if (PLACE_CONTEXT_BEFORE.test(s.slice(Math.max(0, at - 20), at))) placeContext.add(name);
        at = s.indexOf(name, at + name.length);
      }
    }
  }
  for (const name of distinct) {
    const words = name.split(' ');
    if (NOT_A_THING.test(name)) continue;
    if (ORGANIZATION_WORDS.has(words.at(-1)!) && words.length > 1) {
      types.set(name, 'organization');
      continue;
    }
    const doc = nlp(name);
    if (doc.has('#Date') || (words.length === 1 && doc.has('#Demonym'))) continue;
    // An acronym is an institution (a regulator, a company) unless the lexicon knows it as a person.
    if (/^[\p{Lu}&]{2,6}$/u.test(name) && !doc.has('#Person')) types.set(name, doc.has('#Place') ? 'place' : 'organization');
    else if (personContext.has(name) || doc.has('#Person')) types.set(name, 'person');
    else if (doc.has('#Place') || (placeContext.has(name) && !doc.has('#Organization'))) types.set(name, 'place');
    else if (words.length === 1 && /(?:ese|ian|ish|ean)$/.test(name)) continue;
    else types.set(name, 'organization');
  }
  // A word standing alone ("Lindqvist", "Harlan") is whatever the full name it belongs to is; when it
  // belongs to both a person and a company ("Velden" of Ruth Velden and Velden Tools) it is ambiguous.
  const multi = distinct.filter((n) => n.includes(' ') && types.has(n));
  for (const name of distinct) {
    if (name.includes(' ')) continue;
    const owners = new Set(multi.filter((m) => m.split(' ').includes(name)).map((m) => types.get(m)!));
    if (owners.size === 1) types.set(name, [...owners][0]!);
    else if (owners.size > 1) types.delete(name);
  }
  return types;
}

/** The wanted names occurring in a sentence; bounded by the sentence's capitalised runs, not the name count. */
function namesIn(sentence: string, wanted: Set<string>): string[] {
  const found: string[] = [];
  const words = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}&.-]*/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    let name = '';
    for (let j = i; j < Math.min(words.length, i + 5); j++) {
      name = name ? `${name} ${words[j]}` : words[j]!;
      if (wanted.has(name)) found.push(name);
    }
  }
  return found;
}
