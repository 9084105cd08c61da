import nlp from 'compromise';
import { overlap } from './analysis';
import { nearby, singleChoice, streamFor, type Candidate, type FamilyContext } from './candidate';
import { contentWords, stripLeadIn } from './sentence-features';

/**
 * Who did what, asked from the action's side: "Which of these did Uplift do?" The key is something the
 * article says that player did; the distractors are things the article says *other* players did — true
 * of the case, wrong for this player.
 */
interface Action {
  actor: string;
  /** The predicate as an option: "Launched Kiro, a mobile-only banking brand". */
  action: string;
  sentence: string;
  section: number;
}

const cache = new WeakMap<object, Action[]>();

/** "Tasman Mutual launched Kiro …" → actor "Tasman Mutual", action "Launched Kiro …". */
function actionsOf(ctx: FamilyContext): Action[] {
  const hit = cache.get(ctx.analysis);
  if (hit) return hit;
  // Names by their first word, longest first, so finding a sentence's subject costs one lookup.
  const byFirstWord = new Map<string, string[]>();
  for (const n of [...ctx.index.names, ...(ctx.subject ? [ctx.subject] : [])].sort((a, b) => b.length - a.length)) {
    const first = n.split(' ')[0]!.replace(/,$/, '');
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), n]);
  }
  const out: Action[] = [];
  for (const s of ctx.analysis.all) {
    if (!s.claim || s.features.forecast || s.features.hedged || s.features.words > 35) continue;
    const body = stripLeadIn(s.text)
      .replace(/[.!]+["'”’)]*$/, '')
      .replace(/^(?:in|by|during|since|after|from)\s+(?:(?:early|late|mid|\p{L}+)\s+)?(?:19|20)\d\d,?\s+/iu, '')
      .replace(/^the\s+(?=\p{Lu})/u, '');
    // "The board approved …": in a case study, the company's own board or management acts for it.
    const own = ctx.subject && /^(?:the (?:company|firm|bank|group|board|business)|management)\s/i.exec(body);
    const candidates = byFirstWord.get(body.split(/[\s,]/)[0]!) ?? [];
    const actor = own ? ctx.subject! : candidates.find((n) => body.startsWith(`${n} `) || body.startsWith(`${n},`));
    if (!actor) continue;
    let rest = own ? body.slice(own[0].length).trim() : body.slice(actor.length).trim();
    // "Uplift, a neobank founded in 2017, offered …": skip the apposition to reach the verb.
    if (rest.startsWith(',')) {
      const m = /^,\s[^,]{3,90},\s+(?=\p{Ll})/u.exec(rest);
      if (!m) continue;
      rest = rest.slice(m[0].length);
    }
    const verb = rest.split(/\s+/)[0] ?? '';
    if (!nlp(verb).has('#PastTense') || /^(?:was|were|had|did|said|says|became|seemed)$/i.test(verb)) continue;
    rest = rest.replace(/,\s+(?:which|who|while|and|but)\b.*$/i, '');
    const words = rest.split(/\s+/).length;
    if (
      words < 3 ||
      words > 18 ||
      (/\b(?:it|its|they|their|them|he|she|his|her|this|that)\b/i.test(rest.split(/\s+/).slice(1).join(' ')) === true && words < 5)
    )
      continue;
    out.push({ actor, action: rest.charAt(0).toUpperCase() + rest.slice(1), sentence: s.text, section: s.section });
  }
  cache.set(ctx.analysis, out);
  return out;
}

export function actorActionCandidates(ctx: FamilyContext): Candidate[] {
  const all = nearby(ctx, actionsOf(ctx));
  // One question per player: two "which of these did X do?" in a quiz answer each other.
  const own = all.filter((a, i) => a.section === ctx.sectionIndex && all.findIndex((b) => b.actor === a.actor) === i);
  return own.flatMap((a): Candidate[] => {
    const mine = all.filter((x) => x.actor === a.actor);
    const pool = all.filter(
      (x) =>
        x.actor !== a.actor &&
        !a.actor.includes(x.actor) &&
        !x.actor.includes(a.actor) &&
        // A player's own units and owner may share its deeds: the subject's actions never mislead about another player.
        (a.actor === ctx.subject || x.actor !== ctx.subject) &&
        // Nothing this player also did, in other words.
        mine.every((m) => overlap(contentWords(m.action), contentWords(x.action)) <= 1) &&
        !x.action.includes(a.actor),
    );
    const rng = streamFor('who_did_what', `${a.sentence}\nactor`);
    const distractors = [...new Set(rng.shuffle(pool).map((x) => x.action))].slice(0, 3);
    return singleChoice({
      family: 'who_did_what',
      level: 'remember',
      rng,
      stem: `According to the article, which of these did ${a.actor} do?`,
      key: a.action,
      distractors,
      explain: (tempting) => {
        const other = pool.find((x) => x.action === tempting)!;
        return `The article says: “${a.sentence}” “${tempting}” is what ${other.actor} did, not ${a.actor}: “${other.sentence}”`;
      },
      source: a.sentence,
      score: 0.65,
    });
  });
}
