/**
 * A person's name as people write it in Chinese and in Latin script: letters of any script, digits,
 * inner spaces and the separators · . ' ’ - (欧阳·娜娜, O'Brien, Jean-Luc). No markup, no control
 * characters; starts with a letter or digit and ends with one (or an initial's full stop).
 */
const PERSON_NAME = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N} ·.'’-]*[\p{L}\p{M}\p{N}.])?$/u;

export function isPersonName(text: string): boolean {
  return PERSON_NAME.test(text);
}
