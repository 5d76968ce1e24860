package lexicon

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dossier"
)

//go:embed data
var dataFS embed.FS

// entryFiles are the embedded entry files in load order, with the Kind their entries get
// unless a row names one. A row whose kb_id is already loaded adds to that entry.
var entryFiles = []struct{ name, kind string }{
	{"countries.tsv", "state"},
	{"states.tsv", "state"},
	{"divisions.tsv", "division"},
	{"divisions_extra.tsv", "division"},
	{"cities.tsv.gz", "city"},
	{"places.tsv", "region"},
	{"orgs.tsv", ""},
	{"companies.tsv", "company"},
	{"armed_groups.tsv", "group"},
}

// Load parses the embedded data into a new Lexicon.
func Load() (*Lexicon, error) {
	l := &Lexicon{
		byKB:       make(map[string]*Entry, 40000),
		phrases:    make(map[string][]*phrase, 60000),
		titles:     map[string][]*titlePhrase{},
		titleMods:  map[string]string{},
		portfolios: map[string][]*portfolio{},
		offices:    map[string]string{},
	}
	lists := []struct {
		files []string
		set   *map[string]struct{}
	}{
		{[]string{"firstnames_en.txt", "firstnames.txt"}, &l.firstNames},
		{[]string{"surnames_gen.txt", "surnames.txt"}, &l.surnames},
		{[]string{"stopwords.txt"}, &l.stopwords},
		{[]string{"common_en.txt", "common.txt"}, &l.common},
		{[]string{"orgheads.txt"}, &l.orgHeads},
		{[]string{"groupcues.txt"}, &l.groupCues},
	}
	for _, ls := range lists {
		*ls.set = map[string]struct{}{}
		for _, name := range ls.files {
			data, err := readData(name)
			if err != nil {
				return nil, err
			}
			eachLine(data, func(line string) {
				line = strings.TrimSpace(line)
				if len(line) > 1 && line[0] == '-' {
					// a hand-made list takes a word out of a generated one: "-el"
					delete(*ls.set, Fold(line[1:]))
					return
				}
				(*ls.set)[Fold(line)] = struct{}{}
			})
		}
	}
	for _, f := range entryFiles {
		data, err := readData(f.name)
		if err != nil {
			return nil, err
		}
		if err := l.loadEntries(f.name, f.kind, data); err != nil {
			return nil, err
		}
	}
	data, err := readData("officeholders.tsv")
	if err != nil {
		return nil, err
	}
	if err := l.loadOfficeholders(data); err != nil {
		return nil, err
	}
	for _, e := range l.entries {
		l.index(e)
	}
	data, err = readData("titles.tsv")
	if err != nil {
		return nil, err
	}
	if err := l.loadTitles(data); err != nil {
		return nil, err
	}
	l.months, l.weekdays = calendar()
	return l, nil
}

func readData(name string) ([]byte, error) {
	data, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: read %s: %w", name, err)
	}
	if strings.HasSuffix(name, ".gz") {
		z, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("lexicon: read %s: %w", name, err)
		}
		data, err = io.ReadAll(z)
		if err != nil {
			return nil, fmt.Errorf("lexicon: read %s: %w", name, err)
		}
	}
	return data, nil
}

// eachLine calls fn for every line of data that is neither empty nor a '#' comment.
func eachLine(data []byte, fn func(line string)) {
	_ = eachNumberedLine(data, func(_ int, line string) error { fn(line); return nil })
}

// eachNumberedLine calls fn with the 1-based number of every line of data that is neither
// empty nor a '#' comment, stopping at the first error fn returns.
func eachNumberedLine(data []byte, fn func(n int, line string) error) error {
	s := string(data)
	for n := 1; len(s) > 0; n++ {
		i := strings.IndexByte(s, '\n')
		var line string
		if i < 0 {
			line, s = s, ""
		} else {
			line, s = s[:i], s[i+1:]
		}
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return nil
}

// splitList splits a '|'-separated list, dropping empty items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// loadEntries reads an entry TSV file: type, kb_id, name, aliases, acronyms, demonyms,
// metonyms, country, lat, lon, population, kind (trailing columns optional).
func (l *Lexicon) loadEntries(file, kind string, data []byte) error {
	return eachNumberedLine(data, func(n int, line string) error {
		if err := l.loadEntry(line, kind); err != nil {
			return fmt.Errorf("lexicon: data/%s:%d: %w", file, n, err)
		}
		return nil
	})
}

func (l *Lexicon) loadEntry(line, kind string) error {
	var col [12]string
	n := 0
	for n < len(col) {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			col[n] = strings.TrimSpace(line)
			n++
			break
		}
		col[n] = strings.TrimSpace(line[:i])
		line = line[i+1:]
		n++
	}
	e := &Entry{
		Type:     dossier.EntityType(col[0]),
		KBID:     col[1],
		Name:     col[2],
		Aliases:  splitList(col[3]),
		Acronyms: splitList(col[4]),
		Demonyms: splitList(col[5]),
		Metonyms: splitList(col[6]),
		Country:  col[7],
		Source:   "builtin",
		Kind:     kind,
	}
	if col[11] != "" {
		e.Kind = col[11]
	}
	var err error
	if col[8] != "" {
		if e.Lat, err = strconv.ParseFloat(col[8], 64); err != nil {
			return fmt.Errorf("bad latitude %q", col[8])
		}
	}
	if col[9] != "" {
		if e.Lon, err = strconv.ParseFloat(col[9], 64); err != nil {
			return fmt.Errorf("bad longitude %q", col[9])
		}
	}
	if col[10] != "" {
		if e.Population, err = strconv.Atoi(col[10]); err != nil {
			return fmt.Errorf("bad population %q", col[10])
		}
	}
	if e.KBID == "" {
		return fmt.Errorf("no kb_id")
	}
	if old := l.byKB[e.KBID]; old != nil {
		merge(old, e)
		return nil
	}
	if !e.Type.Valid() {
		return fmt.Errorf("unknown type %q", col[0])
	}
	if e.Name == "" {
		return fmt.Errorf("no name")
	}
	l.entries = append(l.entries, e)
	l.byKB[e.KBID] = e
	return nil
}

// merge adds the names of e to old and fills old's empty fields from e.
func merge(old, e *Entry) {
	if e.Name != "" && e.Name != old.Name {
		// A row may rename an entry: the generated name becomes an alias.
		old.Aliases = appendNew(old.Aliases, old.Name)
		old.Name = e.Name
	}
	old.Aliases = appendNew(old.Aliases, e.Aliases...)
	old.Acronyms = appendNew(old.Acronyms, e.Acronyms...)
	old.Demonyms = appendNew(old.Demonyms, e.Demonyms...)
	old.Metonyms = appendNew(old.Metonyms, e.Metonyms...)
	if old.Country == "" {
		old.Country = e.Country
	}
	if old.Lat == 0 && old.Lon == 0 {
		old.Lat, old.Lon = e.Lat, e.Lon
	}
	if old.Population == 0 {
		old.Population = e.Population
	}
	if e.Type.Valid() {
		old.Type = e.Type
	}
}

func appendNew(list []string, xs ...string) []string {
next:
	for _, x := range xs {
		for _, y := range list {
			if y == x {
				continue next
			}
		}
		list = append(list, x)
	}
	return list
}

// Add indexes user entries like builtin ones. An entry with no KBID gets "user:" and the
// slug of its name; an entry whose KBID is already known adds its names to that entry.
// Nothing is added when an entry is invalid.
func (l *Lexicon) Add(entries ...Entry) error {
	for i, e := range entries {
		if strings.TrimSpace(e.Name) == "" {
			return fmt.Errorf("lexicon: add entry %d: no name: %w", i+1, dossier.ErrInvalid)
		}
		if !e.Type.Valid() {
			return fmt.Errorf("lexicon: add %q: unknown type %q: %w", e.Name, e.Type, dossier.ErrInvalid)
		}
	}
	for _, e := range entries {
		e := e
		e.Name = strings.TrimSpace(e.Name)
		if e.KBID == "" {
			e.KBID = "user:" + slug(e.Name)
		}
		if e.Source == "" {
			e.Source = "user"
		}
		if old := l.byKB[e.KBID]; old != nil {
			merge(old, &e)
			l.index(old)
			continue
		}
		ne := &e
		l.entries = append(l.entries, ne)
		l.byKB[ne.KBID] = ne
		l.index(ne)
	}
	return nil
}

// slug returns the folded name with runs of non-alphanumerics turned into '-'.
func slug(name string) string {
	f := Fold(name)
	var b strings.Builder
	dash := false
	for _, r := range f {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// calendar returns the month and weekday tables.
func calendar() (map[string]int, map[string]struct{}) {
	months := map[string]int{}
	names := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, m := range names {
		months[m] = i + 1
		months[m[:3]] = i + 1
		months[m[:3]+"."] = i + 1
	}
	for k, v := range map[string]int{"sept": 9, "sept.": 9, "febr.": 2} {
		months[k] = v
	}
	weekdays := map[string]struct{}{}
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		weekdays[d] = struct{}{}
		weekdays[d[:3]] = struct{}{}
		weekdays[d[:3]+"."] = struct{}{}
	}
	for _, d := range []string{"tues", "tues.", "thurs", "thurs.", "thur", "thur.", "weds", "weds."} {
		weekdays[d] = struct{}{}
	}
	return months, weekdays
}
