import type { DatedEvent } from './types';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const PART =
  '(?:(?:early|late|mid|the (?:end|start|beginning|middle|spring|summer|autumn|fall|winter) of|spring|summer|autumn|fall|winter)[\\s-]+)';
const YEAR = '((?:19|20)\\d{2})';
const LEADING = new RegExp(`^(?:(?:Back )?(?:In|By|During|As of|Since)\\s+)?${PART}?(?:${MONTH}\\s+(?:\\d{1,2},\\s+)?)?${YEAR},?\\s+`, 'i');
// A trailing "by 2020" is a deadline or a target ("reached 30% by 2020"), not the date of the event.
const TRAILING = new RegExp(`\\s+(?:in|during)\\s+${PART}?(?:${MONTH}\\s+(?:\\d{1,2},\\s+)?)?${YEAR}(?=[.!]$)`, 'i');
const ANY_YEAR = /\b(?:19|20)\d{2}\b/g;
// An event that opens with a pronoun means nothing out of its paragraph; a forecast has not happened.
const NEEDS_CONTEXT = /^(?:It|Its|This|That|These|Those|They|Their|He|His|She|Her|We|Our|There|Then|Which|Who)\b/;
const FORECAST =
  /\b(?:will|would|’ll|'ll|predicts?|expects?|expected|plans? to|forecast\w*|could|might|scenarios?|modell?ed|targets?|targeted|goal|aimed|projected|projecting)\b/i;
// Out of its sentence, a time given relative to another ("a year earlier", "for the year") points at
// nothing; a past perfect ("had run") tells what came before the dated event, not the event.
const RELATIVE_TIME =
  /\b(?:a|one|two|three) (?:years?|months?) (?:earlier|later|before|after)\b|\b(?:the (?:previous|following|same|prior) year|for the year|that year|last year|the year before)\b|\bhad\s+(?:already\s+|just\s+|long\s+|never\s+|since\s+)?(?:been\s+)?\p{L}+(?:ed|en|un|wn|ght)\b/iu;

/**
 * A sentence dating one event ("In 2019, Harbor Coffee opened its second café.") becomes the event
 * without its date ("Harbor Coffee opened its second café."), for ordering questions. Sentences
 * with several years, or whose year cannot be lifted out cleanly, are skipped.
 */
export function datedEvent(sentence: string, section: number): DatedEvent | null {
  const years = sentence.match(ANY_YEAR) ?? [];
  if (years.length !== 1 || sentence.length > 220 || /[?:]$/.test(sentence)) return null;
  let m = LEADING.exec(sentence);
  let event: string;
  if (m) event = sentence.slice(m[0].length);
  else {
    m = TRAILING.exec(sentence);
    // A date at the end belongs to the last clause only ("Ninety employees were laid off, … and Pike
    // left in early 2023"; "founded in Austin, Texas, in 2017"): only a sentence of one clause is read.
    if (!m || sentence.slice(0, m.index).includes(',')) return null;
    event = sentence.slice(0, m.index) + sentence.slice(m.index + m[0].length);
  }
  event = event.trim();
  if (event.split(/\s+/).length < 4 || !/^[\p{L}“"]/u.test(event) || FORECAST.test(sentence) || RELATIVE_TIME.test(sentence)) return null;
  event = event.charAt(0).toUpperCase() + event.slice(1);
  if (NEEDS_CONTEXT.test(event)) return null;
  return { year: Number(m[1]), event, sentence, section };
}
