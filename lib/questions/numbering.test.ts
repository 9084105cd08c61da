import { describe, expect, it } from 'vitest';
import { questionNumbers } from './numbering';

describe('question numbers within a lesson', () => {
  it('numbers current questions in quiz order, disabled ones included, and gives versions of one item one number', () => {
    const numbers = questionNumbers([
      { itemId: 'a', retired: false },
      { itemId: 'b', retired: true }, // an old version of b…
      { itemId: 'b', retired: false }, // …and the current one
      { itemId: 'gone', retired: true },
      { itemId: 'c', retired: false },
    ]);
    expect(Object.fromEntries(numbers)).toEqual({ a: 1, b: 2, c: 3, gone: 4 });
  });
});
