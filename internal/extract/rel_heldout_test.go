package extract

import (
	"testing"

	"dossier"
)

// heldOut are short texts of other regions and kinds (news, a press release, an
// analysis), written for this test and annotated by hand before the rules were tuned on
// them: every relation a careful reader finds, in score_doc.py's terms (type, source,
// target; CONSULT, COOPERATE, AGREE and ALLY_OF undirected).
var heldOut = []struct {
	name string
	doc  dossier.Date
	text string
	ents []ent
	gold []string // "TYPE|Source|Target"
}{
	{"news: Sahel", dossier.Date{Year: 2024, Month: 1, Day: 20},
		"Mali's junta has expelled the French ambassador and accused France of supporting jihadist groups in the north. " +
			"According to diplomats in Bamako, Russia has deployed several hundred Wagner fighters to Mali since last December. " +
			"On Tuesday, Colonel Assimi Goita, the leader of the junta, met with Russian Deputy Defense Minister Yunus-Bek Yevkurov in Bamako. " +
			"The two sides signed an agreement on military cooperation. " +
			"The Economic Community of West African States (ECOWAS) condemned the coup and imposed sanctions on Mali, " +
			"while Algeria urged all parties to return to dialogue. " +
			"Burkina Faso and Niger, which are also ruled by military governments, have pledged support to Bamako.",
		[]ent{
			{"Mali", dossier.Country, []string{"Mali", "Bamako", "~Malian"}},
			{"France", dossier.Country, []string{"France", "~French", "Paris"}},
			{"Russia", dossier.Country, []string{"Russia", "~Russian", "Moscow"}},
			{"Wagner Group", dossier.ArmedGroup, []string{"Wagner"}},
			{"Assimi Goita", dossier.Person, []string{"Assimi Goita", "Goita"}},
			{"Yunus-Bek Yevkurov", dossier.Person, []string{"Yunus-Bek Yevkurov", "Yevkurov"}},
			{"ECOWAS", dossier.Organization, []string{"Economic Community of West African States", "ECOWAS"}},
			{"Algeria", dossier.Country, []string{"Algeria"}},
			{"Burkina Faso", dossier.Country, []string{"Burkina Faso"}},
			{"Niger", dossier.Country, []string{"Niger"}},
		},
		[]string{"SANCTION|Mali|France", "ACCUSE|Mali|France", "MOBILIZE|Russia|Mali", "LOCATED_IN|Wagner Group|Mali",
			"LEADS|Assimi Goita|Mali", "MEMBER_OF|Yunus-Bek Yevkurov|Russia", "CONSULT|Assimi Goita|Yunus-Bek Yevkurov",
			"AGREE|Mali|Russia", "DISAPPROVE|ECOWAS|Mali", "SANCTION|ECOWAS|Mali", "REQUEST|Algeria|Mali",
			"SUPPORT|Burkina Faso|Mali", "SUPPORT|Niger|Mali"}},
	{"press release: Horn of Africa", dossier.Date{Year: 2023, Month: 6, Day: 5},
		"The Government of Kenya welcomes the agreement signed by Ethiopia and Eritrea in Asmara on 2 June 2023. " +
			"President William Ruto said that Kenya will continue to cooperate with Somalia against al-Shabaab, " +
			"which has repeatedly attacked Kenyan forces near the border. " +
			"Kenya also calls on Eritrea to release detained journalists. " +
			"Nairobi does not support the deployment of foreign troops to Sudan.",
		[]ent{
			{"Kenya", dossier.Country, []string{"Kenya", "Government of Kenya", "~Kenyan", "Nairobi"}},
			{"Ethiopia", dossier.Country, []string{"Ethiopia"}},
			{"Eritrea", dossier.Country, []string{"Eritrea"}},
			{"Asmara", dossier.Location, []string{"Asmara"}},
			{"William Ruto", dossier.Person, []string{"William Ruto"}},
			{"Somalia", dossier.Country, []string{"Somalia"}},
			{"al-Shabaab", dossier.ArmedGroup, []string{"al-Shabaab"}},
			{"Sudan", dossier.Country, []string{"Sudan"}},
		},
		[]string{"AGREE|Ethiopia|Eritrea", "LEADS|William Ruto|Kenya", "COOPERATE|Kenya|Somalia", "ASSAULT|al-Shabaab|Kenya",
			"REQUEST|Kenya|Eritrea"}},
	{"analysis: South China Sea", dossier.Date{Year: 2024, Month: 5},
		"Beijing has increased pressure on Manila over the disputed shoals. " +
			"Chinese coast guard vessels fired water cannon at Philippine boats in March, " +
			"and the Philippines protested to China. " +
			"Washington, Manila's closest ally, criticized the Chinese actions and reaffirmed its defense treaty with the Philippines. " +
			"Vietnam, a rival of China in the region, has held talks with Japan on maritime security. " +
			"Analysts say that China may attempt to blockade the shoals later this year.",
		[]ent{
			{"China", dossier.Country, []string{"China", "Beijing", "~Chinese"}},
			{"Philippines", dossier.Country, []string{"the Philippines", "Philippines", "Manila", "~Philippine"}},
			{"United States", dossier.Country, []string{"Washington", "United States"}},
			{"Vietnam", dossier.Country, []string{"Vietnam"}},
			{"Japan", dossier.Country, []string{"Japan"}},
		},
		[]string{"COERCE|China|Philippines", "ASSAULT|China|Philippines", "PROTEST|Philippines|China", "ALLY_OF|United States|Philippines",
			"DISAPPROVE|United States|China", "AGREE|United States|Philippines", "HOSTILE_TO|Vietnam|China", "CONSULT|Vietnam|Japan"}},
}

// heldOut2 was written and annotated after the rules were tuned on heldOut, to measure
// them on unseen text once; see TestHeldOutRelations.
var heldOut2 = []struct {
	name string
	doc  dossier.Date
	text string
	ents []ent
	gold []string
}{
	{"news: Caucasus", dossier.Date{Year: 2023, Month: 9, Day: 21},
		"Azerbaijan launched a military offensive against Armenian separatists in Nagorno-Karabakh on Tuesday, " +
			"according to the Armenian Foreign Ministry. " +
			"Prime Minister Nikol Pashinyan accused Russia of failing to protect the region and said that Armenia no longer trusts the Collective Security Treaty Organization. " +
			"Turkey, Azerbaijan's closest ally, backed the operation. " +
			"The European Union called on Baku to stop the fighting, while Iran warned Azerbaijan against changing the borders. " +
			"Russian peacekeepers are stationed in Nagorno-Karabakh under a 2020 ceasefire deal.",
		[]ent{
			{"Azerbaijan", dossier.Country, []string{"Azerbaijan", "Baku", "~Azerbaijani"}},
			{"Armenia", dossier.Country, []string{"Armenia", "Yerevan", "~Armenian"}},
			{"Artsakh separatists", dossier.ArmedGroup, []string{"Armenian separatists"}},
			{"Nagorno-Karabakh", dossier.Location, []string{"Nagorno-Karabakh"}},
			{"Armenian Foreign Ministry", dossier.Organization, []string{"Armenian Foreign Ministry"}},
			{"Nikol Pashinyan", dossier.Person, []string{"Nikol Pashinyan", "Pashinyan"}},
			{"Russia", dossier.Country, []string{"Russia", "~Russian", "Moscow"}},
			{"CSTO", dossier.Organization, []string{"Collective Security Treaty Organization", "CSTO"}},
			{"Turkey", dossier.Country, []string{"Turkey", "Ankara"}},
			{"European Union", dossier.Organization, []string{"European Union", "EU"}},
			{"Iran", dossier.Country, []string{"Iran", "Tehran"}},
		},
		[]string{"ASSAULT|Azerbaijan|Artsakh separatists", "LEADS|Nikol Pashinyan|Armenia", "ACCUSE|Nikol Pashinyan|Russia",
			"DISTRUSTS|Armenia|CSTO", "ALLY_OF|Turkey|Azerbaijan", "SUPPORT|Turkey|Azerbaijan", "REQUEST|European Union|Azerbaijan",
			"THREATEN|Iran|Azerbaijan", "LOCATED_IN|Russia|Nagorno-Karabakh"}},
	{"press release: ministry", dossier.Date{Year: 2024, Month: 4, Day: 12},
		"The Ministry of Foreign Affairs of India strongly condemns the attack on Indian pilgrims in Jammu and Kashmir. " +
			"India has repeatedly urged Pakistan to take action against Lashkar-e-Taiba, which has claimed responsibility. " +
			"External Affairs Minister S. Jaishankar held talks with his Sri Lankan counterpart in New Delhi on Thursday, " +
			"and the two sides agreed to deepen cooperation on counter-terrorism. " +
			"India and Bangladesh also signed a memorandum on border security.",
		[]ent{
			{"Ministry of External Affairs", dossier.Organization, []string{"Ministry of Foreign Affairs of India"}},
			{"India", dossier.Country, []string{"India", "~Indian", "New Delhi"}},
			{"Jammu and Kashmir", dossier.Location, []string{"Jammu and Kashmir"}},
			{"Pakistan", dossier.Country, []string{"Pakistan", "Islamabad"}},
			{"Lashkar-e-Taiba", dossier.ArmedGroup, []string{"Lashkar-e-Taiba"}},
			{"S. Jaishankar", dossier.Person, []string{"S. Jaishankar", "Jaishankar"}},
			{"Sri Lanka", dossier.Country, []string{"~Sri Lankan", "Sri Lanka"}},
			{"Bangladesh", dossier.Country, []string{"Bangladesh"}},
		},
		[]string{"REQUEST|India|Pakistan", "MEMBER_OF|S. Jaishankar|India", "CONSULT|S. Jaishankar|Sri Lanka",
			"AGREE|India|Sri Lanka", "AGREE|India|Bangladesh"}},
}

// heldOutCounts runs the relation stage over the held-out texts and returns each
// predicted relation with whether the gold has it.
func heldOutCounts(t *testing.T) (tp, pred, gold int, judged []judgedRel) {
	for _, h := range heldOut {
		rels, _, name := runRelate(t, h.text, h.ents, h.doc)
		g := map[string]bool{}
		for _, x := range h.gold {
			g[x] = true
		}
		gold += len(g)
		seen := map[string]bool{}
		for _, r := range rels {
			s, o := name[r.Source], name[r.Target]
			k := string(r.Type) + "|" + s + "|" + o
			right := g[k]
			if !right && r.Type.Symmetric() {
				k = string(r.Type) + "|" + o + "|" + s
				right = g[k]
			}
			judged = append(judged, judgedRel{r, right, h.name})
			if seen[k] {
				continue
			}
			seen[k] = true
			pred++
			if right {
				tp++
			}
		}
	}
	return tp, pred, gold, judged
}

type judgedRel struct {
	r     dossier.Relation
	right bool
	doc   string
}

func TestHeldOutRelations(t *testing.T) {
	tp, pred, gold, judged := heldOutCounts(t)
	for _, j := range judged {
		t.Logf("%v %s %s -> %s conf=%.2f | %.80q", j.right, j.r.Type, j.r.Source, j.r.Target, j.r.Confidence, j.r.Evidence.Text)
	}
	p, r := float64(tp)/float64(max(pred, 1)), float64(tp)/float64(max(gold, 1))
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	t.Logf("held-out relation P=%.3f R=%.3f F1=%.3f (tp=%d pred=%d gold=%d)", p, r, f, tp, pred, gold)
	// Before the rules were tuned on these texts: P=0.70 R=0.54.
	if p < 0.85 || r < 0.65 {
		t.Errorf("held-out relation P=%.3f R=%.3f, want at least 0.85 and 0.65", p, r)
	}
}

func TestHeldOut2(t *testing.T) {
	tp, pred, gold := 0, 0, 0
	for _, h := range heldOut2 {
		rels, _, name := runRelate(t, h.text, h.ents, h.doc)
		g := map[string]bool{}
		for _, x := range h.gold {
			g[x] = true
		}
		gold += len(g)
		seen := map[string]bool{}
		for _, r := range rels {
			s, o := name[r.Source], name[r.Target]
			k := string(r.Type) + "|" + s + "|" + o
			right := g[k]
			if !right && r.Type.Symmetric() {
				right = g[string(r.Type)+"|"+o+"|"+s]
			}
			t.Logf("%v %s", right, relString(r, name))
			if seen[k] {
				continue
			}
			seen[k] = true
			pred++
			if right {
				tp++
			}
		}
	}
	t.Logf("held-out 2 relation tp=%d pred=%d gold=%d", tp, pred, gold)
	// Measured once on first run, before any change for them: tp=9 pred=11 gold=14
	// (the one "wrong" relation, separatists LOCATED_IN Nagorno-Karabakh, is true but
	// was missed by the annotator; the gold is left as written).
	if p, r := float64(tp)/float64(max(pred, 1)), float64(tp)/float64(max(gold, 1)); p < 0.75 || r < 0.6 {
		t.Errorf("held-out 2 relation P=%.3f R=%.3f, want at least 0.75 and 0.6", p, r)
	}
}
