package lexicon

import (
	"errors"
	"strings"
	"testing"
	"time"

	"dossier"
)

// load returns the embedded lexicon, failing the test if it cannot be built.
func load(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Load()
	if err != nil {
		t.Fatalf("Load() error: %v", err)
	}
	return l
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"kabul", "kabul"},
		{"Kabul", "kabul"},
		{"Kandahār", "kandahar"},
		{"Élysée", "elysee"},
		{"al‑Qa’ida", "al-qa'ida"},
		{"Al-Qa`ida", "al-qa'ida"},
		{"Tehrik‐i‐Taliban", "tehrik-i-taliban"},
		{"Donbas—Crimea", "donbas-crimea"},
		{"Straße", "strasse"},
		{"İstanbul", "istanbul"},
		{"Łódź", "lodz"},
		{"Ṣanʿāʾ", "san'a'"},
		{"Abū Z̧aby", "abu zaby"},
		{"Nguyễn", "nguyen"},
		{"МОСКВА", "москва"},
		{"soft\u00adhyphen", "softhyphen"},
		{"‘quoted’", "'quoted'"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldASCIINoAlloc(t *testing.T) {
	n := testing.AllocsPerRun(100, func() { _ = Fold("already folded text") })
	if n != 0 {
		t.Errorf("Fold of folded ASCII allocates %v times, want 0", n)
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"al-Qaeda", "al-qaeda"},
		{"Islamic State Khorasan Province", "islamic|state|khorasan|province"},
		{"U.S.", "u.s."},
		{"People's Liberation Army", "people|'s|liberation|army"},
		{"Tehrik-i-Taliban Pakistan", "tehrik-i-taliban|pakistan"},
		{"Washington, D.C.", "washington|,|d.c."},
		{"Al-Qa’ida in the Arabian Peninsula", "al-qa'ida|in|the|arabian|peninsula"},
		{"Bosnia (and Herzegovina)", "bosnia|(|and|herzegovina|)"},
		{"St. Petersburg", "st.|petersburg"},
	}
	for _, tt := range tests {
		if got := strings.Join(Tokens(tt.in), "|"); got != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	load(t)
	if d := time.Since(start); d > 3*time.Second {
		// The target is 300 ms (BenchmarkLoad); this only catches gross regressions
		// on a loaded CI machine.
		t.Errorf("Load() took %v", d)
	}
}

func TestLongest(t *testing.T) {
	l := load(t)
	tests := []struct {
		phrase string
		n      int
		kbid   string // of a hit with this form
		form   dossier.MentionForm
		typ    dossier.EntityType
	}{
		{"russian", 1, "RU", dossier.FormDemonym, dossier.Country},
		{"russians", 1, "RU", dossier.FormDemonym, dossier.Country},
		{"afghan", 1, "AF", dossier.FormDemonym, dossier.Country},
		{"emirati", 1, "AE", dossier.FormDemonym, dossier.Country},
		{"russian federation", 2, "RU", dossier.FormName, dossier.Country},
		{"united states of america", 4, "US", dossier.FormName, dossier.Country},
		{"moscow", 1, "RU", dossier.FormMetonym, dossier.Country},
		{"moscow", 1, "geonames:524901", dossier.FormName, dossier.Location},
		{"kandahar", 1, "AF-KAN", dossier.FormName, dossier.Location},
		{"kabul", 1, "AF", dossier.FormMetonym, dossier.Country},
		{"the kremlin", 2, "RU", dossier.FormMetonym, dossier.Country},
		{"kremlin", 1, "RU", dossier.FormMetonym, dossier.Country},
		{"the white house", 3, "US", dossier.FormMetonym, dossier.Country},
		{"washington", 1, "US", dossier.FormMetonym, dossier.Country},
		{"downing street", 2, "GB", dossier.FormMetonym, dossier.Country},
		{"zhongnanhai", 1, "CN", dossier.FormMetonym, dossier.Country},
		{"u.s.", 1, "US", dossier.FormAcronym, dossier.Country},
		{"britain", 1, "GB", dossier.FormName, dossier.Country},
		{"british", 1, "GB", dossier.FormDemonym, dossier.Country},
		{"chinese", 1, "CN", dossier.FormDemonym, dossier.Country},
		{"pakistani", 1, "PK", dossier.FormDemonym, dossier.Country},
		{"americans", 1, "US", dossier.FormDemonym, dossier.Country},
		{"ichkeria", 1, "dossier:ichkeria", dossier.FormName, dossier.Country},
		{"ussr", 1, "dossier:ussr", dossier.FormAcronym, dossier.Country},
		{"al-qaeda", 1, "dossier:al-qaeda", dossier.FormName, dossier.ArmedGroup},
		{"al-qa'ida", 1, "dossier:al-qaeda", dossier.FormName, dossier.ArmedGroup},
		{"al qaida", 2, "dossier:al-qaeda", dossier.FormName, dossier.ArmedGroup},
		{"islamic state khorasan province", 4, "dossier:islamic-state-khorasan-province", dossier.FormName, dossier.ArmedGroup},
		{"isis-k", 1, "dossier:islamic-state-khorasan-province", dossier.FormAcronym, dossier.ArmedGroup},
		{"iskp", 1, "dossier:islamic-state-khorasan-province", dossier.FormAcronym, dossier.ArmedGroup},
		{"tehrik-i-taliban-pakistan", 1, "dossier:tehrik-i-taliban-pakistan", dossier.FormName, dossier.ArmedGroup},
		{"tehrik i taliban pakistan", 4, "dossier:tehrik-i-taliban-pakistan", dossier.FormName, dossier.ArmedGroup},
		{"islamic state of khorasan province", 5, "dossier:islamic-state-khorasan-province", dossier.FormName, dossier.ArmedGroup},
		{"al qaeda", 2, "dossier:al-qaeda", dossier.FormName, dossier.ArmedGroup},
		{"tehrik-i-taliban pakistan", 2, "dossier:tehrik-i-taliban-pakistan", dossier.FormName, dossier.ArmedGroup},
		{"ansar allah", 2, "dossier:houthis", dossier.FormName, dossier.ArmedGroup},
		{"africa corps", 2, "dossier:wagner-group", dossier.FormName, dossier.ArmedGroup},
		{"daesh", 1, "dossier:islamic-state", dossier.FormName, dossier.ArmedGroup},
		{"organisation for security and cooperation in europe", 7, "dossier:organization-for-security-and-co-operation-in-europe", dossier.FormName, dossier.Organization},
		{"grozny", 1, "geonames:558418", dossier.FormName, dossier.Location},
		{"rangoon", 1, "geonames:1298824", dossier.FormName, dossier.Location},
		{"surinam", 1, "SR", dossier.FormName, dossier.Country},
		{"asia", 1, "dossier:asia", dossier.FormName, dossier.Location},
		{"st louis", 2, "geonames:4407066", dossier.FormName, dossier.Location},
		{"fed", 1, "dossier:federal-reserve", dossier.FormName, dossier.Organization},
		{"pentagon", 1, "dossier:us-department-of-defense", dossier.FormName, dossier.Organization},
		{"operation atalanta", 2, "dossier:operation-atalanta", dossier.FormName, dossier.NamedEvent},
		{"nato", 1, "dossier:north-atlantic-treaty-organization", dossier.FormAcronym, dossier.Organization},
		{"the economic times", 3, "dossier:the-economic-times", dossier.FormName, dossier.Organization},
		{"fsb", 1, "dossier:federal-security-service", dossier.FormAcronym, dossier.Organization},
		{"panjsher", 1, "AF-PAN", dossier.FormName, dossier.Location},
		{"kandahar", 1, "geonames:1138336", dossier.FormName, dossier.Location},
		{"north caucasus", 2, "dossier:north-caucasus", dossier.FormName, dossier.Location},
		{"central asia", 2, "dossier:central-asia", dossier.FormName, dossier.Location},
		{"strait of hormuz", 3, "dossier:strait-of-hormuz", dossier.FormName, dossier.Location},
		{"chechnya", 1, "RU-CE", dossier.FormName, dossier.Location},
	}
	for _, tt := range tests {
		words := Tokens(tt.phrase)
		n, hits := l.Longest(words, 0)
		if n != tt.n {
			t.Errorf("Longest(%q) n = %d, want %d", tt.phrase, n, tt.n)
			continue
		}
		found := false
		for _, h := range hits {
			if h.Entry.KBID == tt.kbid && h.Form == tt.form && h.Entry.Type == tt.typ {
				found = true
			}
		}
		if !found {
			t.Errorf("Longest(%q) hits = %v, want %s %s %s", tt.phrase, describe(hits), tt.kbid, tt.typ, tt.form)
		}
	}
}

func describe(hits []Hit) string {
	var b strings.Builder
	for _, h := range hits {
		b.WriteString(h.Entry.KBID + "/" + string(h.Entry.Type) + "/" + string(h.Form) + " ")
	}
	return b.String()
}

func TestLongestInSentence(t *testing.T) {
	l := load(t)
	words := Tokens("Officials in the Russian Federation said")
	if n, hits := l.Longest(words, 3); n != 2 || len(hits) == 0 || hits[0].Entry.KBID != "RU" {
		t.Errorf("Longest(%v, 3) = %d, %v; want 2 tokens naming RU", words, n, describe(hits))
	}
	if n, hits := l.Longest(words, 0); n != 0 || hits != nil {
		t.Errorf("Longest(%v, 0) = %d, %v; want 0, nil", words, n, describe(hits))
	}
	if n, _ := l.Longest(words, len(words)); n != 0 {
		t.Errorf("Longest past the end = %d, want 0", n)
	}
	// A phrase longer than what is left of the sentence must not match.
	if n, _ := l.Longest([]string{"russian"}, 0); n != 1 {
		t.Errorf("Longest([russian]) = %d, want 1", n)
	}
}

func TestLongestNoAlloc(t *testing.T) {
	l := load(t)
	words := Tokens("the quick brown fox jumped over nothing in particular")
	n := testing.AllocsPerRun(100, func() {
		for i := range words {
			l.Longest(words, i)
		}
	})
	if n != 0 {
		t.Errorf("Longest allocates %v times per sentence, want 0", n)
	}
}

func TestCounts(t *testing.T) {
	l := load(t)
	count := map[string]int{}
	for _, e := range l.Entries() {
		count[string(e.Type)+"/"+e.Kind]++
		if e.Name == "" || !e.Type.Valid() || e.KBID == "" {
			t.Errorf("entry %+v lacks a name, type or kb_id", e)
		}
		if l.ByKBID(e.KBID) != e {
			t.Errorf("ByKBID(%q) does not return its entry", e.KBID)
		}
	}
	floors := map[string]int{
		"COUNTRY/state":      249,
		"ARMED_GROUP/group":  200,
		"ORGANIZATION/io":    100,
		"ORGANIZATION/media": 80,
		"LOCATION/region":    60,
		"LOCATION/division":  3000,
		"LOCATION/city":      20000,
	}
	for k, min := range floors {
		if count[k] < min {
			t.Errorf("%s entries = %d, want >= %d", k, count[k], min)
		}
	}
}

func TestByKBID(t *testing.T) {
	l := load(t)
	if e := l.ByKBID("RU"); e == nil || e.Name != "Russia" || e.Type != dossier.Country {
		t.Errorf("ByKBID(RU) = %+v, want Russia", e)
	}
	if e := l.ByKBID("no-such-id"); e != nil {
		t.Errorf("ByKBID(no-such-id) = %+v, want nil", e)
	}
}

func TestWordLists(t *testing.T) {
	l := load(t)
	if m, ok := l.Month("feb."); !ok || m != 2 {
		t.Errorf("Month(feb.) = %d, %v; want 2, true", m, ok)
	}
	if m, ok := l.Month("september"); !ok || m != 9 {
		t.Errorf("Month(september) = %d, %v; want 9, true", m, ok)
	}
	if _, ok := l.Month("kabul"); ok {
		t.Errorf("Month(kabul) = true")
	}
	if !l.Weekday("tuesday") || l.Weekday("monsoon") {
		t.Errorf("Weekday wrong for tuesday/monsoon")
	}
	if !l.FirstName("john") || !l.FirstName("mary") {
		t.Errorf("FirstName(john|mary) = false")
	}
	for _, w := range []string{"yasser", "tino", "mariano", "salifou", "nikol"} {
		if !l.FirstName(w) {
			t.Errorf("FirstName(%s) = false", w)
		}
	}
	for _, w := range []string{"el", "de", "la", "bab"} {
		if l.FirstName(w) {
			t.Errorf("FirstName(%s) = true: a name particle, removed by the hand-made list", w)
		}
	}
	if !l.Stopword("the") || l.Stopword("taliban") {
		t.Errorf("Stopword wrong for the/taliban")
	}
}

func TestAdd(t *testing.T) {
	l := load(t)
	err := l.Add(Entry{Name: "Jamaat al-Example", Type: dossier.ArmedGroup, Aliases: []string{"JAE Front"}, Acronyms: []string{"JAE"}})
	if err != nil {
		t.Fatalf("Add: %v", err)
	}
	for _, s := range []string{"jamaat al-example", "jae front", "jae"} {
		n, hits := l.Longest(Tokens(s), 0)
		if n == 0 || hits[0].Entry.Name != "Jamaat al-Example" || hits[0].Entry.Source != "user" {
			t.Errorf("after Add, Longest(%q) = %d, %s", s, n, describe(hits))
		}
	}
	if e := l.ByKBID("user:jamaat-al-example"); e == nil {
		t.Errorf("Add gave no user: kb_id")
	}
	// A known kb_id adds names to the builtin entry.
	if err := l.Add(Entry{Name: "Rossiya", Type: dossier.Country, KBID: "RU"}); err != nil {
		t.Fatalf("Add RU alias: %v", err)
	}
	if n, hits := l.Longest([]string{"rossiya"}, 0); n != 1 || hits[0].Entry.KBID != "RU" {
		t.Errorf("Longest(rossiya) after Add = %d, %s", n, describe(hits))
	}
	before := len(l.Entries())
	err = l.Add(Entry{Name: "Good", Type: dossier.Person}, Entry{Name: "Bad", Type: "FOO"})
	if !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Add with bad type error = %v, want ErrInvalid", err)
	}
	if after := len(l.Entries()); after != before {
		t.Errorf("failed Add changed entries from %d to %d", before, after)
	}
}

func TestKandaharCoordinates(t *testing.T) {
	l := load(t)
	_, hits := l.Longest([]string{"kandahar"}, 0)
	if len(hits) == 0 {
		t.Fatal("Longest(kandahar) found nothing")
	}
	e := hits[0].Entry
	if e.Type != dossier.Location || e.Country != "AF" || e.Lat < 31 || e.Lat > 32 || e.Lon < 65 || e.Lon > 66 || e.Population < 100000 {
		t.Errorf("first hit for kandahar = %+v, want the Afghan city with coordinates", e)
	}
}

func TestTitle(t *testing.T) {
	l := load(t)
	tests := []struct {
		in     string
		n      int
		name   string
		person bool
		org    string
	}{
		{"Acting Defense Minister Mullah Yaqub", 3, "Acting Defense Minister", true, "Ministry of Defense"},
		{"Foreign Minister Sergei Lavrov", 2, "Foreign Minister", true, "Ministry of Foreign Affairs"},
		{"Deputy Minister of Foreign Affairs Ali", 5, "Deputy Minister of Foreign Affairs", true, "Ministry of Foreign Affairs"},
		{"Chairman of the Security Council of Russia", 5, "Chairman of the Security Council", true, "Security Council"},
		{"Secretary of the Security Council Nikolai Patrushev", 5, "Secretary of the Security Council", true, "Security Council"},
		{"Prime Minister Shehbaz Sharif", 2, "Prime Minister", true, ""},
		{"Former Prime Minister Imran Khan", 3, "Former Prime Minister", true, ""},
		{"Special Envoy Zamir Kabulov", 2, "Special Envoy", true, ""},
		{"Chief of Staff", 3, "Chief of Staff", true, ""},
		{"Gen. Patrushev", 1, "General", true, ""},
		{"Gen . Patrushev", 2, "General", true, ""},
		{"Mullah Omar", 1, "Mullah", true, ""},
		{"Sheikh Hasina", 1, "Sheikh", true, ""},
		{"Mr. Smith", 1, "Mr.", true, ""},
		{"Major cities", 1, "Major", false, ""},
		{"Colonel-Major Kassoum Coulibaly", 1, "Colonel-Major", true, ""},
		{"Lieutenant-General Ahmed", 1, "Lieutenant-General", true, ""},
		{"Major-league teams", 0, "", false, ""},
		{"Ex-President Kabila", 0, "", false, ""},
		{"Former officials", 0, "", false, ""},
		{"Ministry of Defense", 0, "", false, ""},
	}
	for _, tt := range tests {
		n, got := l.Title(Tokens(tt.in), 0)
		if n != tt.n {
			t.Errorf("Title(%q) n = %d, want %d", tt.in, n, tt.n)
			continue
		}
		if n == 0 {
			if got != nil {
				t.Errorf("Title(%q) = %+v with n = 0", tt.in, got)
			}
			continue
		}
		if got.Name != tt.name || got.Person != tt.person || got.Org != tt.org {
			t.Errorf("Title(%q) = %+v, want {%s %v %s}", tt.in, *got, tt.name, tt.person, tt.org)
		}
	}
}

func TestCueLists(t *testing.T) {
	l := load(t)
	tests := []struct {
		fn   func(string) bool
		name string
		yes  []string
		no   []string
	}{
		{l.OrgHead, "OrgHead", []string{"ministry", "council", "front", "times", "brigade", "university"}, []string{"kabul", "said", "taliban"}},
		{l.GroupCue, "GroupCue", []string{"fighters", "militants", "jihadists", "insurgents", "mujahideen"}, []string{"soldiers", "ministry"}},
		{l.CommonWord, "CommonWord", []string{"notably", "following", "new", "threat", "however"}, []string{"china", "russia", "kremlin", "will", "mark", "georgia", "taliban"}},
		{l.FirstName, "FirstName", []string{"nikolai", "mohammad", "zabihullah", "vladimir", "fatima", "sergei"}, []string{"the", "ministry"}},
		{l.Surname, "Surname", []string{"putin", "patrushev", "haqqani", "khan", "smith"}, []string{"ministry", "council"}},
		{l.Stopword, "Stopword", []string{"the", "and", "of"}, []string{"kabul", "russia"}},
	}
	for _, tt := range tests {
		for _, w := range tt.yes {
			if !tt.fn(w) {
				t.Errorf("%s(%q) = false, want true", tt.name, w)
			}
		}
		for _, w := range tt.no {
			if tt.fn(w) {
				t.Errorf("%s(%q) = true, want false", tt.name, w)
			}
		}
	}
}

// TestNoJunkNames checks that ordinary words do not name entities on their own: the
// failure OpenCTI is known for ("will" as a threat actor).
func TestNoJunkNames(t *testing.T) {
	l := load(t)
	for _, w := range []string{"will", "the", "new", "independent", "island", "valley", "is", "in", "it", "to", "no", "said", "following", "notably", "police", "summit", "march", "deal", "federal", "of", "most"} {
		if n, hits := l.Longest([]string{w}, 0); n != 0 {
			for _, h := range hits {
				if h.Form != dossier.FormAcronym && h.Entry.Population < 100000 {
					t.Errorf("Longest(%q) = %s, want no entity", w, describe(hits))
					break
				}
			}
		}
	}
}
