package cli

import (
	"fmt"

	"dossier"
	"dossier/internal/extract"
	"dossier/internal/ingest"
	"dossier/internal/lexicon"
	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

// openStore opens (creating and migrating if need be) the database named by --db.
func (a *app) openStore() (*store.Store, error) {
	st, err := sqlite.Open(a.ctx, a.db, store.Options{Now: a.now})
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", a.db, err)
	}
	return st, nil
}

// withStore opens the database, runs fn with it and closes it.
func (a *app) withStore(fn func(st *store.Store) error) error {
	st, err := a.openStore()
	if err != nil {
		return err
	}
	err = fn(st)
	if cerr := st.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("close database %s: %w", a.db, cerr)
	}
	return err
}

// pipeline reads documents and extracts from them with one loaded lexicon.
type pipeline struct {
	x    *extract.Extractor
	opts ingest.Options
}

// newPipeline loads the embedded lexicon once, adds the user's entries from st (when st is
// not nil) and builds the extractor.
func (a *app) newPipeline(st *store.Store) (*pipeline, error) {
	lex, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	if st != nil {
		entries, err := st.LexiconEntries(a.ctx)
		if err != nil {
			return nil, fmt.Errorf("read user lexicon from %s: %w", a.db, err)
		}
		if len(entries) > 0 {
			if err := lex.Add(lexiconEntries(entries)...); err != nil {
				return nil, fmt.Errorf("add user lexicon from %s: %w", a.db, err)
			}
		}
	}
	return &pipeline{x: extract.New(lex), opts: ingest.Options{Now: a.now}}, nil
}

// read ingests the file at path, or standard input for "-".
func (a *app) read(p *pipeline, path string) (*dossier.Document, error) {
	if path == "-" {
		return ingest.Reader(a.stdin, "-", p.opts)
	}
	return ingest.File(path, p.opts)
}

// extractable reports whether extraction supports documents in language lang. A language
// the detector was unsure of ("und" or empty) is given the benefit of the doubt.
func extractable(lang string) bool {
	return lang == "en" || lang == "" || lang == "und"
}

// extract runs the extractor over doc. For a language extraction does not support it
// returns an empty extraction and a note saying so.
func (p *pipeline) extract(doc *dossier.Document) (ex *dossier.Extraction, note string) {
	if extractable(doc.Lang) {
		ex = p.x.Extract(doc.Text, extract.Options{DocDate: doc.Date, Series: doc.Series})
	} else {
		ex = &dossier.Extraction{}
		note = fmt.Sprintf("language %q: stored and searchable, extraction skipped (English only)", doc.Lang)
	}
	ex.Normalize()
	return ex, note
}

// extractText is the extractFunc of extract --batch.
func (p *pipeline) extractText(text string, date dossier.Date) *dossier.Extraction {
	return p.x.Extract(text, extract.Options{DocDate: date})
}
