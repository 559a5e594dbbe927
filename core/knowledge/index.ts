// The knowledge base: questions and answers searched in the person's language (see search-index.ts).
export { knowledgeBaseFor, loadKnowledgeBase, type KnowledgeBase } from './load.ts';
export { KnowledgeIndex, type KnowledgeDocument, type KnowledgeMatch, type KnowledgeResult } from './search-index.ts';
