//go:build zzdump

package extract

import (
	"os"
	"testing"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

func TestZZRule(t *testing.T) {
	x := testExtractor(t)
	src := os.Getenv("ZZ_TEXT")
	out := x.Extract(src, Options{})
	preds, _ := lexicon.BuiltinPredicates()
	st := newRelState(src, text.Split(src), out.Entities, dossier.Date{}, preds, x.lex)
	for _, u := range st.sus[0].units {
		t.Logf("unit %q ent=%d", u.raw, u.ent)
	}
	st.findPredicates()
	for _, c := range st.cands {
		t.Logf("%v %s %s %s head=%d", c.typ, out.Entities[c.src.ent].Name, out.Entities[c.tgt.ent].Name, c.rule, c.head)
	}
}
