package extract

import (
	"os"
	"strings"
	"testing"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

func TestDbgUnits(t *testing.T) {
	if os.Getenv("DBG") == "" {
		t.Skip()
	}
	src, _ := readSeed(t)
	x := testExtractor(t)
	sents := text.Split(src)
	ents := x.Entities(src, sents)
	preds, _ := lexicon.BuiltinPredicates()
	st := newRelState(src, sents, ents, dossier.Date{Year: 2023, Month: 3}, preds, x.lex)
	for si, su := range st.sus {
		txt := src[su.start:su.end]
		if !strings.Contains(txt, os.Getenv("DBG")) {
			continue
		}
		var b strings.Builder
		for _, u := range su.units {
			if u.isMention() {
				b.WriteString("[" + u.raw + "/" + string(st.ents[u.ent].Type)[:3])
				if u.poss {
					b.WriteString("'s")
				}
				b.WriteString("] ")
			} else {
				b.WriteString(u.raw + " ")
			}
		}
		t.Logf("%d: %s", si, b.String())
		for h, u := range su.units {
			if u.isMention() {
				continue
			}
			for _, f := range st.preds.Heads(u.word) {
				e, ok := matchRest(su.units, h, f.Pred.Rest)
				t.Logf("  head %q %s ok=%v subj=%v obj=%v", u.word, f.Pred.Pattern, ok, st.subject(si, h, false), st.object(si, h, e, f.Pred.Slots))
			}
		}
	}
}
