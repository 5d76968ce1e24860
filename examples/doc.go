// Package examples holds the sample corpus of dossier: briefs, wire stories, press
// releases, Markdown and HTML pages written for the project (see README.md). It has no
// code of its own; its test keeps the corpus within the sizes and kinds that the other
// packages' tests rely on.
package examples
