// Romanian: articles and case endings are suffixes ("părinții", "părintele", "părinților" -> "parint").
import { foldWord } from '../fold.ts';
import { createStemmer } from '../stem.ts';
import { words, type LanguageProfile } from './profile.ts';

const STOP_WORDS = words(`
  a ai al ale alt alta altceva am ar are as asa au avea avem ca că când care ce cea cei cel cele ceva cine cu
  cum da dacă de deci despre din după e ea ei el ele eram este ești eu fi fie fost i îi îl în într între iar
  îmi îți ma mă mai mea mei mele meu mi mie mine ne nici noi nu o ori pe pentru poate pot poți prin sa să sau
  se si și sunt suntem ta tale te ți tine tu tău un una unde unei unui va vă voi vreau vrea vrei zi ok bună
  salut ceva cineva fac face fă atunci foarte doar chiar acum aici acolo asta ăsta aceasta acesta la place
  întreb spune spuneți
`);

const stem = createStemmer({
  endings: [
    // definite articles, plurals and cases
    'urilor', 'urile', 'ilor', 'elor', 'ului', 'iile', 'ile', 'ele', 'ii', 'ul', 'lui', 'le', 'ei', 'uri', 'ea',
    'ie', 'ia', 'iei',
    // nouns made from verbs ("amenințare", "amenințările")
    'are', 'area', 'ari', 'arile', 'arii', 'ire', 'irea', 'iri',
    // present tense of -a and -i verbs ("șantajează", "îndrăgostesc")
    'eaza', 'eze', 'ez', 'esc', 'este', 'esti', 'easca',
    // a final vowel
    'a', 'e', 'i', 'u',
  ],
  minStem: 3,
});

export const romanian: LanguageProfile = {
  stopWords: new Set(STOP_WORDS.map(foldWord)),
  stem,
  cyrillic: false,
};
