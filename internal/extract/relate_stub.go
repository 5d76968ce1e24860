package extract

import (
	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

// relate is a placeholder for the relations stage (relations.go), which replaces this file.
func relate(_ string, _ []text.Sentence, _ []dossier.Entity, _ Options, _ *lexicon.Lexicon) ([]dossier.Relation, []dossier.Event) {
	return nil, nil
}
