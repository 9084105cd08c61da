/**
 * Options that read as one scale ("Rose by about 5%." … "Rose by about 40%.", "1990", "2005", or
 * plain amounts) belong in the scale's order: a learner compares them, and shuffling them (or moving
 * the key to balance positions) only adds noise (item-writing guidelines; blind review v9: "list the
 * options in numeric order"). A question's options are on one scale when every option is the same
 * words and numbers but for exactly one number ("Grew to about 3 times its 2014 level."), and that
 * number rises or falls strictly from option to option.
 */
const NUMBER = /[-−]?\d[\d,]*(?:\.\d+)?/g;

function valueOf(text: string): number {
  return Number(text.replace(/[−]/g, '-').replace(/,/g, ''));
}

export function inNaturalOrder(options: readonly string[]): boolean {
  if (options.length < 2) return false;
  const shapes = options.map((o) => o.replace(NUMBER, '#'));
  if (shapes.some((s) => s !== shapes[0])) return false;
  const numbers = options.map((o) => (o.match(NUMBER) ?? []).map(valueOf));
  if (numbers.some((ns) => ns.some((v) => !Number.isFinite(v)))) return false;
  const varying = numbers[0]!.flatMap((_, at) => (numbers.every((ns) => ns[at] === numbers[0]![at]) ? [] : [at]));
  if (varying.length !== 1) return false;
  const values = numbers.map((ns) => ns[varying[0]!]!);
  const rising = values.every((v, i) => i === 0 || v > values[i - 1]!);
  const falling = values.every((v, i) => i === 0 || v < values[i - 1]!);
  return rising || falling;
}
