// English: plural and verb endings ("photos" -> "photo", "blackmailing" -> "blackmail").
import { foldWord } from '../fold.ts';
import { words, type LanguageProfile } from './profile.ts';

const STOP_WORDS = words(`
  a an the i me my mine myself you your yours he him his she her hers it its we us our they them their is am
  are was were be been being do does did doing have has had to of in on at for with from by about as and or
  but if so than that this these those what which who whom how when where why can could should would will
  shall may might must not no yes there here just very really too also all any some someone something
  please hi hello hey ok okay im ive dont doesnt didnt cant wont get got want wanted know thing things one
  into out up down over again then now tell me do anybody somebody anyone like
`);

function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length >= 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length >= 5 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length >= 5 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export const english: LanguageProfile = {
  stopWords: new Set(STOP_WORDS.map(foldWord)),
  stem,
  cyrillic: false,
};
