import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as italian from '@zxcvbn-ts/language-it';
import { ownerWords } from '@sportello/domain';
import type { PasswordOwner } from '@sportello/domain';

let checker: ZxcvbnFactory | null = null;

/**
 * zxcvbn-ts with the common and Italian dictionaries, as the api scores it (its own copy in
 * api/src/app/auth/password-strength.ts): loaded on demand, it is large.
 */
export function passwordScore(password: string, owner: PasswordOwner): number {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...italian.dictionary },
    graphs: common.adjacencyGraphs,
    translations: italian.translations,
  });
  return checker.check(password, ownerWords(owner)).score;
}
