// highlight.js marks a search's words on the page a hit leads to (`?scour-highlight=`); importing
// it is all it takes, and it exports nothing.
export {};
