// Ukrainian: case, number and verb endings ("шантажує" -> "шантаж", "батьків" -> "батьк").
// Words are folded first (і/ї -> и, є -> е, й -> и, ґ -> г, ь dropped); endings are folded the same way.
import { foldWord } from '../fold.ts';
import { createStemmer } from '../stem.ts';
import { words, type LanguageProfile } from './profile.ts';

const STOP_WORDS = words(`
  і й та в у на з із зі до від за по про для не ні так як що це цей ця ці той те ті я ти він вона воно ми ви
  вони мене мені мною мій моя моє мої мого моєї моїх тебе тобі твій твоя твої його її їх їм нас нам вас вам
  є був була було були бути буде може можна треба чи а але або якщо коли де куди хто чому навіщо вже ще
  тільки лише дуже теж також тут там себе собі робити зробити хочу будь ласка привет привіт вітаю ок
  який яка яке які котрий щось хтось дуже просто знаю знати знову вчора
`);

const stem = createStemmer({
  first: ['ся', 'сь'],
  endings: [
    // verbs made from nouns: "шантажувати", "шантажує" -> "шантаж"
    'увати', 'ував', 'увала', 'ують', 'уе', 'ую', 'ючи',
    // adjectives and pronoun-like endings
    'ими', 'ого', 'ому', 'ии', 'ои', 'ую', 'юю', 'их', 'им', 'ои', 'ее',
    // nouns
    'ями', 'ами', 'ях', 'ах', 'ам', 'ям', 'ом', 'ем', 'ою', 'ею', 'ив', 'ов', 'ев', 'ия', 'ию', 'ью',
    // verbs
    'ють', 'ать', 'ити', 'ати', 'яти', 'ить', 'еш', 'иш', 'ти',
    // a final vowel or soft sign
    'а', 'я', 'о', 'е', 'и', 'у', 'ю', 'ь',
  ],
  minStem: 4,
});

export const ukrainian: LanguageProfile = {
  stopWords: new Set(STOP_WORDS.map(foldWord)),
  stem,
  cyrillic: true,
};
