import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as italian from '@zxcvbn-ts/language-it';
import { MIN_PASSWORD_SCORE, ownerWords, passwordProblem } from '@sportello/domain';
import type { PasswordOwner, PasswordProblem } from '@sportello/domain';
import type { MessageKey } from '../common/messages';

let checker: ZxcvbnFactory | null = null;

/** zxcvbn-ts with the common and Italian dictionaries, built at first use (the dictionaries take a moment to index). */
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...italian.dictionary },
    graphs: common.adjacencyGraphs,
    translations: italian.translations,
  });
  return checker;
}

/**
 * Why a new staff password is refused, or null (the policy of libs/domain): length, the
 * account's username and display name, then a zxcvbn score of at least 3, with the
 * account's words counted as known to an attacker.
 */
export function newPasswordProblem(password: string, owner: PasswordOwner): PasswordProblem | null {
  // The cheap rules first: zxcvbn only ever sees at most MAX_PASSWORD_LENGTH characters.
  const early = passwordProblem(password, owner, MIN_PASSWORD_SCORE);
  if (early) return early;
  return passwordProblem(password, owner, zxcvbn().check(password, ownerWords(owner)).score);
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, MessageKey> = {
  TOO_SHORT: 'password.TOO_SHORT',
  TOO_LONG: 'password.TOO_LONG',
  CONTAINS_NAME: 'password.CONTAINS_NAME',
  WEAK: 'password.WEAK',
};
