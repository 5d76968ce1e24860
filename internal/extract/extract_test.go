package extract

import (
	"strings"
	"testing"

	"dossier"
	"dossier/internal/lexicon"
)

// find returns the entity of x whose name or a mention text is s, or nil.
func find(out *dossier.Extraction, s string) *dossier.Entity {
	for i, e := range out.Entities {
		if e.Name == s {
			return &out.Entities[i]
		}
	}
	for i, e := range out.Entities {
		for _, m := range e.Mentions {
			if m.Text == s {
				return &out.Entities[i]
			}
		}
	}
	return nil
}

func TestEntityRules(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string]dossier.EntityType // mention text -> type of its entity
		not  []string                      // texts that must not be mentions
	}{
		{"title makes a person", "President Maria Sandoval arrived in Lisbon.",
			map[string]dossier.EntityType{"Maria Sandoval": dossier.Person, "Lisbon": dossier.Location}, []string{"President"}},
		{"frame says person", "The plan failed, Okonkwo Adeyemi said on Monday.",
			map[string]dossier.EntityType{"Okonkwo Adeyemi": dossier.Person}, nil},
		{"according to", "According to Lindqvist, the border is closed.",
			map[string]dossier.EntityType{"Lindqvist": dossier.Person}, []string{"According"}},
		{"org head", "The Ministry of Water Resources and the Harbour Workers Union protested.",
			map[string]dossier.EntityType{"Ministry of Water Resources": dossier.Organization, "Harbour Workers Union": dossier.Organization}, nil},
		{"group cue", "Dozens of Ansar Qadim fighters crossed the river.",
			map[string]dossier.EntityType{"Ansar Qadim": dossier.ArmedGroup}, nil},
		{"sentence-initial capitals", "Notably, the talks ended. Following the vote, Kenya protested.",
			map[string]dossier.EntityType{"Kenya": dossier.Country}, []string{"Notably", "Following"}},
		{"modal and common words", "It will rain. The army may move. Will they?",
			nil, []string{"will", "Will", "may", "It", "The"}},
		{"months are not places", "In May, the talks resumed; in March they ended.",
			nil, []string{"May", "March"}},
		{"demonym", "Russian troops left Syria.",
			map[string]dossier.EntityType{"Russian": dossier.Country, "Syria": dossier.Country}, nil},
		{"metonym", "The Kremlin said that Moscow is aware of it.",
			map[string]dossier.EntityType{"Kremlin": dossier.Country, "Moscow": dossier.Country}, nil},
		{"place stays a place", "The talks took place in Moscow.",
			map[string]dossier.EntityType{"Moscow": dossier.Location}, nil},
		{"acronym in parentheses", "The Southern Defence Brigades (SDB) attacked. Later the SDB withdrew.",
			map[string]dossier.EntityType{"Southern Defence Brigades": dossier.ArmedGroup, "SDB": dossier.ArmedGroup}, nil},
		{"heading", "New Threat to Peru\n\nThe vote was close.",
			map[string]dossier.EntityType{"Peru": dossier.Country}, []string{"New Threat", "New", "Threat"}},
		{"place name as a surname", "President Clinton met Bob Dole. Clinton said Dole agreed.",
			map[string]dossier.EntityType{"Clinton": dossier.Person, "Dole": dossier.Person}, nil},
		{"named event", "Delegates attended the 3rd Regional Security Dialogue on Iraq.",
			map[string]dossier.EntityType{"3rd Regional Security Dialogue on Iraq": dossier.NamedEvent, "Iraq": dossier.Country}, nil},
		{"score line team", "SOCCER - RESULTS\n\nLeeds 2 Everton 1 . Leeds beat Everton in the league match .",
			map[string]dossier.EntityType{"Leeds": dossier.Organization}, nil},
		{"all-caps text", "PRESIDENT PUTIN MET TALIBAN LEADERS IN MOSCOW ON FRIDAY.",
			map[string]dossier.EntityType{"PUTIN": dossier.Person, "TALIBAN": dossier.ArmedGroup, "MOSCOW": dossier.Location}, []string{"MET", "FRIDAY", "LEADERS"}},
		{"defined acronym", "The Malian Armed Forces (FAMa) retreated; FAMa units regrouped.",
			map[string]dossier.EntityType{"Malian Armed Forces": dossier.Organization, "FAMa": dossier.Organization}, nil},
		{"hyphen compound", "The US-made rifles reached Kabul.",
			map[string]dossier.EntityType{"Kabul": dossier.Location}, []string{"US-made"}},
		{"bare titles and plural role nouns", "The Chairman spoke to the Special Envoy. Special Representatives and Envoys met in Lyon. Ministers left.",
			map[string]dossier.EntityType{"Lyon": dossier.Location}, []string{"Chairman", "Special Envoy", "Special Representatives", "Envoys", "Ministers"}},
		{"hyphenated compound of names", "The US-Taliban talks resumed in Doha.",
			map[string]dossier.EntityType{"US": dossier.Country, "Taliban": dossier.ArmedGroup}, []string{"US-Taliban"}},
		{"a body named inside a title", "Secretary of the Security Council Ilya Morozov spoke.",
			map[string]dossier.EntityType{"Security Council": dossier.Organization, "Ilya Morozov": dossier.Person}, []string{"Secretary of the Security Council Ilya Morozov"}},
		{"place before a verb of saying", "Officials in Bamako said the talks failed.",
			map[string]dossier.EntityType{"Bamako": dossier.Location}, nil},
		{"name particle is no given name", "Troops fought around El Qarn on Friday.",
			map[string]dossier.EntityType{"El Qarn": dossier.Location}, nil},
		{"place coordinated with a place", "The envoy visited villages in Harim and Qatmeh.",
			map[string]dossier.EntityType{"Qatmeh": dossier.Location}, nil},
		{"listed name with the article", "Markets rose after the Fed held rates.",
			map[string]dossier.EntityType{"Fed": dossier.Organization}, nil},
		{"continent that is also a given name", "Freight between Asia and Europe slowed.",
			map[string]dossier.EntityType{"Asia": dossier.Location}, nil},
		{"capital as subject of an inflected verb", "Ankara accuses the militia of attacks. Damascus later offered talks.",
			map[string]dossier.EntityType{"Ankara": dossier.Country, "Damascus": dossier.Country}, nil},
		{"operation is an event", "Warships of Operation Atalanta patrolled.",
			map[string]dossier.EntityType{"Operation Atalanta": dossier.NamedEvent}, nil},
		{"plural name of a people", "Kurds and Pashtuns protested in Quetta.",
			map[string]dossier.EntityType{"Quetta": dossier.Location}, []string{"Kurds", "Pashtuns"}},
		{"partners make a firm", "Shares of Dalton & Pryce rose.",
			map[string]dossier.EntityType{"Dalton & Pryce": dossier.Organization}, nil},
		{"news outlet before its medium", "He spoke on the group's al-Hadath television.",
			map[string]dossier.EntityType{"al-Hadath": dossier.Organization}, nil},
		{"named special forces", "The Vostok special forces fought nearby.",
			map[string]dossier.EntityType{"Vostok special forces": dossier.Organization}, nil},
		{"armed group after a title word", "Fighters of the Sheikh Idris Battalion withdrew.",
			map[string]dossier.EntityType{"Sheikh Idris Battalion": dossier.ArmedGroup}, nil},
		{"ruling group's capital", "The Taliban seized power. Moscow is wary of the authorities in Kabul.",
			map[string]dossier.EntityType{"the authorities in Kabul": dossier.ArmedGroup, "Kabul": dossier.Location}, nil},
		{"capital as object of a political verb", "Mogadishu accused Addis Ababa of meddling.",
			map[string]dossier.EntityType{"Addis Ababa": dossier.Country, "Mogadishu": dossier.Country}, nil},
		{"facility of a town", "The riot at Makhachkala airport shocked Makhachkala.",
			map[string]dossier.EntityType{"Makhachkala airport": dossier.Location, "Makhachkala": dossier.Location}, nil},
		{"currency is no state", "The firm moved 2 million US dollars.",
			nil, []string{"US"}},
		{"acting on behalf of a capital", "Chechen volunteers fight for Kyiv.",
			map[string]dossier.EntityType{"Kyiv": dossier.Country}, nil},
		{"international organization inside a body's name", "The European Union Naval Force escorts ships.",
			map[string]dossier.EntityType{"European Union": dossier.Organization, "European Union Naval Force": dossier.Organization}, nil},
		{"places coordinated after between", "A convoy was ambushed between Gao and Ouattagouna.",
			map[string]dossier.EntityType{"Ouattagouna": dossier.Location}, nil},
		{"people coordinated after between", "Talks between Kadyrov and Zelensky failed.",
			map[string]dossier.EntityType{"Kadyrov": dossier.Person, "Zelensky": dossier.Person}, nil},
		{"place before told", "A trader from Tidermene told us. A letter to Okonkwo said nothing.",
			map[string]dossier.EntityType{"Tidermene": dossier.Location, "Okonkwo": dossier.Person}, nil},
		{"event named by a city or a body", "Delegates skipped the CSTO summit in Minsk after the Moscow attack.",
			map[string]dossier.EntityType{"CSTO summit in Minsk": dossier.NamedEvent, "Moscow attack": dossier.NamedEvent, "Minsk": dossier.Location}, nil},
		{"war in a region", "Israel pressed its war in Gaza.",
			map[string]dossier.EntityType{"war in Gaza": dossier.NamedEvent, "Gaza": dossier.Location}, nil},
		{"body named after a place at the start", "New York Mercantile Exchange prices rose.",
			map[string]dossier.EntityType{"New York Mercantile Exchange": dossier.Organization}, []string{"York Mercantile Exchange"}},
		{"lone head noun is no name", "The Authority said no. He left the Union.",
			nil, []string{"Authority", "Union"}},
		{"numbered site", "Troops left Air Base 201 near Agadez.",
			map[string]dossier.EntityType{"Air Base 201": dossier.Location}, []string{"Air Base"}},
		{"bodies of a people", "The Chechen diaspora protested. The Russian peacekeeping contingent and Russian peacekeepers left.",
			map[string]dossier.EntityType{"Chechen diaspora": dossier.Organization, "Russian peacekeeping contingent": dossier.Organization, "Russian peacekeepers": dossier.Organization}, nil},
		{"international given names", "Tino Rossi met Yasser Haddad and Mariano Ruiz.",
			map[string]dossier.EntityType{"Tino Rossi": dossier.Person, "Yasser Haddad": dossier.Person, "Mariano Ruiz": dossier.Person}, nil},
	}
	x := testExtractor(t)
	for _, tt := range tests {
		out := x.Extract(tt.in, Options{})
		for text, typ := range tt.want {
			e := find(out, text)
			if e == nil {
				t.Errorf("%s: Extract(%q) has no entity %q; got %s", tt.name, tt.in, text, names(out))
				continue
			}
			if e.Type != typ {
				t.Errorf("%s: Extract(%q): %q is %s, want %s", tt.name, tt.in, text, e.Type, typ)
			}
		}
		for _, text := range tt.not {
			for _, e := range out.Entities {
				for _, m := range e.Mentions {
					if m.Text == text {
						t.Errorf("%s: Extract(%q) has mention %q of %s %q", tt.name, tt.in, text, e.Type, e.Name)
					}
				}
			}
		}
	}
}

// TestStateBodies checks that a body named without its state joins the same body named with
// it, and that the same body of two states stays two entities.
func TestStateBodies(t *testing.T) {
	x := testExtractor(t)
	in := "Policy moved from the Foreign Ministry to the Security Council. The Ruritanian Foreign Ministry agreed. " +
		"Iran's Foreign Ministry and the Turkish Foreign Ministry disagreed. Azerbaijan said its Defence Ministry would act."
	out := x.Extract(in, Options{})
	want := map[string][]string{ // entity name -> mention texts
		"Iranian Foreign Ministry":     {"Foreign Ministry", "Foreign Ministry"}, // the first one, named before any state
		"Turkish Foreign Ministry":     {"Foreign Ministry"},
		"Azerbaijani Defence Ministry": {"Defence Ministry"},
	}
	for name, texts := range want {
		var e *dossier.Entity
		for i := range out.Entities {
			if out.Entities[i].Name == name {
				e = &out.Entities[i]
			}
		}
		if e == nil {
			t.Errorf("Extract(%q) has no entity %q; got %s", in, name, names(out))
			continue
		}
		if e.Type != dossier.Organization || len(e.Mentions) != len(texts) {
			t.Errorf("Extract(%q): %q = %s with %d mentions, want ORGANIZATION with %d", in, name, e.Type, len(e.Mentions), len(texts))
		}
	}
	in = "Chairman of the Security Council Nikolai Patrushev spoke. The shift goes to the Russian Security Council. " +
		"General Patrushev criticized the Foreign Ministry. The Russian Foreign Ministry agreed with Patrushev."
	out = x.Extract(in, Options{})
	for _, pair := range [][2]string{{"Security Council", "Russian Security Council"}, {"Foreign Ministry", "Russian Foreign Ministry"}, {"Nikolai Patrushev", "Patrushev"}} {
		a, b := find(out, pair[0]), find(out, pair[1])
		if a == nil || b == nil || a.ID != b.ID {
			t.Errorf("Extract(%q): %q and %q are not one entity; got %s", in, pair[0], pair[1], names(out))
		}
	}
	in2 := "Gen. Abdul Raziq inspected the lines."
	if p := find(x.Extract(in2, Options{}), "Abdul Raziq"); p == nil || !contains(p.Roles, "General") {
		t.Errorf("Extract(%q): Raziq = %+v, want the role General", in2, p)
	}
	in3 := "The Council of the Andean Union adopted measures. The Council also listed a firm. The General Secretariat of the Council wrote."
	out3 := x.Extract(in3, Options{})
	if a, b := find(out3, "Council of the Andean Union"), find(out3, "Council"); a == nil || b == nil || a.ID != b.ID {
		t.Errorf("Extract(%q): the Council is not the Council of the Andean Union; got %s", in3, names(out3))
	}
	in4 := "Head of the National Security Service Armen Abazyan met Director of the Federal Security Service Alexander Bortnikov."
	out4 := x.Extract(in4, Options{})
	for name, role := range map[string]string{"Armen Abazyan": "Head of the National Security Service", "Alexander Bortnikov": "Director of the Federal Security Service"} {
		if p := find(out4, name); p == nil || p.Type != dossier.Person || !contains(p.Roles, role) {
			t.Errorf("Extract(%q): %s = %+v, want a person with the role %q", in4, name, p, role)
		}
	}
	if o := find(out4, "National Security Service"); o == nil || o.Type != dossier.Organization {
		t.Errorf("Extract(%q): no organization National Security Service; got %s", in4, names(out4))
	}
	in5 := "Envoys attended the 3rd Regional Security Dialogue on Iraq. A week after the Baghdad summit, talks resumed."
	out5 := x.Extract(in5, Options{})
	if a, b := find(out5, "3rd Regional Security Dialogue on Iraq"), find(out5, "Baghdad summit"); a == nil || b == nil || a.ID != b.ID {
		t.Errorf("Extract(%q): the Baghdad summit is not the one named meeting; got %s", in5, names(out5))
	}
	if p := find(out, "Nikolai Patrushev"); p == nil || !contains(p.Roles, "General") || !contains(p.Roles, "Chairman of the Security Council") {
		t.Errorf("Extract(%q): Patrushev = %+v, want both roles", in, p)
	}
}

func names(out *dossier.Extraction) string {
	var b []string
	for _, e := range out.Entities {
		b = append(b, string(e.Type)+":"+e.Name)
	}
	return strings.Join(b, ", ")
}

func TestCoreference(t *testing.T) {
	x := testExtractor(t)
	in := "President Vladimir Putin met Zamir Kabulov. Putin said that Kabulov, the special envoy, would travel, and the Russian leader agreed."
	out := x.Extract(in, Options{})
	p := find(out, "Vladimir Putin")
	if p == nil || p.Type != dossier.Person {
		t.Fatalf("Extract(%q): no person Vladimir Putin; got %s", in, names(out))
	}
	var texts []string
	for _, m := range p.Mentions {
		texts = append(texts, m.Text+"/"+string(m.Form))
	}
	got := strings.Join(texts, " ")
	for _, want := range []string{"Vladimir Putin/NAME", "Putin/NAME", "the Russian leader/DESCRIPTION"} {
		if !strings.Contains(got, want) {
			t.Errorf("Extract(%q): Putin's mentions %q lack %q", in, got, want)
		}
	}
	if !contains(p.Aliases, "President Vladimir Putin") || !contains(p.Roles, "President") {
		t.Errorf("Extract(%q): Putin aliases %q roles %q, want the titled alias and the role", in, p.Aliases, p.Roles)
	}
	k := find(out, "Zamir Kabulov")
	if k == nil || len(k.Mentions) != 2 {
		t.Errorf("Extract(%q): Kabulov = %+v, want one person with two mentions", in, k)
	}
	if n := len(out.Entities); n > 3 {
		t.Errorf("Extract(%q) = %d entities (%s), want at most 3", in, n, names(out))
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestBadInput(t *testing.T) {
	x := testExtractor(t)
	inputs := []string{
		"",
		"   \n\n",
		strings.Repeat("lorem ipsum dolor ", 20000),
		strings.Repeat("ALL CAPS TEXT WITH NO NAMES ", 200),
		"\xff\xfe\xfd broken",
		"the the the of of and",
	}
	for _, in := range inputs {
		out := x.Extract(in, Options{})
		if out == nil || out.Entities == nil || out.Relations == nil || out.Events == nil {
			t.Fatalf("Extract(%.20q) returned nil parts", in)
		}
		if err := out.CheckSpans(in); err != nil {
			t.Errorf("Extract(%.20q): %v", in, err)
		}
		if len(out.Entities) > 0 && !strings.Contains(in, "CAPS") {
			t.Errorf("Extract(%.20q) = %s, want no entity", in, names(out))
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"President Vladimir Putin met the Taliban (ISKP) in Moscow.",
		"SOCCER - LEEDS 2 EVERTON 1\n\nLeeds beat Everton , Essex and Surrey .",
		"«moderate» faction of the Taliban; the war in Ukraine; the Ukrainian conflict",
		"US-Taliban talks (FAMa) Gulf of Aden, Tavildara, Tajikistan",
	} {
		f.Add(s)
	}
	x := testExtractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		out := x.Extract(s, Options{})
		if err := out.CheckSpans(s); err != nil {
			t.Fatalf("Extract(%q): %v", s, err)
		}
		for _, e := range out.Entities {
			if len(e.Mentions) == 0 {
				t.Fatalf("Extract(%q): entity %q without mention", s, e.Name)
			}
		}
	})
}

func TestWatchlist(t *testing.T) {
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	err = lex.Add(
		lexicon.Entry{Name: "Saraya Awliya al-Dam", Type: dossier.ArmedGroup, Acronyms: []string{"SAD"}, Aliases: []string{"Guardians of the Blood Brigade"}},
		lexicon.Entry{Name: "Abu Fadak al-Mohammadawi", Type: dossier.Person, Aliases: []string{"Abu Fadak"}},
	)
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	in := "The Guardians of the Blood Brigade claimed the attack. Abu Fadak praised SAD in a statement."
	out := x.Extract(in, Options{})
	g := find(out, "Saraya Awliya al-Dam")
	if g == nil || g.Type != dossier.ArmedGroup || len(g.Mentions) != 2 || g.KBID == nil {
		t.Errorf("Extract(%q): watchlist group = %+v, want an ARMED_GROUP with two mentions and a kb_id", in, g)
	}
	p := find(out, "Abu Fadak al-Mohammadawi")
	if p == nil || p.Type != dossier.Person {
		t.Errorf("Extract(%q): watchlist person = %+v; got %s", in, p, names(out))
	}
}

func TestLeaderDescription(t *testing.T) {
	x := testExtractor(t)
	in := "Russian President Vladimir Putin spoke with Ukrainian President Volodymyr Zelensky. The talks failed, and the Ukrainian leader blamed the Russian leader."
	out := x.Extract(in, Options{})
	for name, desc := range map[string]string{"Vladimir Putin": "the Russian leader", "Volodymyr Zelensky": "the Ukrainian leader"} {
		e := find(out, name)
		if e == nil {
			t.Errorf("Extract(%q): no %s; got %s", in, name, names(out))
			continue
		}
		found := false
		for _, m := range e.Mentions {
			if m.Text == desc && m.Form == dossier.FormDescription {
				found = true
			}
		}
		if !found {
			t.Errorf("Extract(%q): %s lacks the description %q: %+v", in, name, desc, e.Mentions)
		}
	}
}
