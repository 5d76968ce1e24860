package lexicon

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"dossier"
)

// parseType maps the type names a user lexicon may use to entity types.
func parseType(s string) (dossier.EntityType, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "PERSON", "PER":
		return dossier.Person, true
	case "ORGANIZATION", "ORGANISATION", "ORG":
		return dossier.Organization, true
	case "ARMED_GROUP", "ARMED GROUP", "GROUP":
		return dossier.ArmedGroup, true
	case "COUNTRY", "STATE":
		return dossier.Country, true
	case "LOCATION", "LOC", "PLACE":
		return dossier.Location, true
	case "EVENT":
		return dossier.NamedEvent, true
	}
	return "", false
}

// ParseFile reads a user lexicon (a watchlist) named name from r: one entry a line with
// the columns name, type, aliases (separated by '|' or ';'), and an optional kb_id. The
// format is CSV for a ".csv" name, TSV for ".tsv" or ".txt", and otherwise TSV when the
// first data line holds a tab. A header line (first column "name") is optional; empty
// lines and lines starting with '#' are skipped. Aliases written in capitals ("ISKP") become
// acronyms. Types are those of SCHEMA.md (PERSON,
// ORGANIZATION, ARMED_GROUP, COUNTRY, LOCATION, EVENT; case-insensitive, with ORG, PER,
// LOC as shorthands). Errors name the file and line ("watchlist.tsv:7: unknown type
// \"FOO\"") and wrap dossier.ErrInvalid; on error no entries are returned.
func ParseFile(name string, r io.Reader) ([]Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &dossier.InputError{Op: "read", Path: name, Err: err}
	}
	if !utf8.Valid(data) {
		return nil, &dossier.InputError{Op: "parse", Path: name, Err: fmt.Errorf("not UTF-8 text: %w", dossier.ErrInvalid)}
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	isCSV := false
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		isCSV = true
	case ".tsv", ".tab", ".txt":
	default:
		isCSV = !strings.Contains(firstDataLine(text), "\t")
	}
	var recs [][]string
	var lines []int
	if isCSV {
		cr := csv.NewReader(strings.NewReader(text))
		cr.FieldsPerRecord = -1
		cr.Comment = '#'
		cr.TrimLeadingSpace = true
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				line := 0
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					line = pe.Line
					err = pe.Err
				}
				return nil, lineError(name, line, fmt.Errorf("%v: %w", err, dossier.ErrInvalid))
			}
			line, _ := cr.FieldPos(0)
			recs = append(recs, rec)
			lines = append(lines, line)
		}
	} else {
		sc := bufio.NewScanner(strings.NewReader(text))
		sc.Buffer(make([]byte, 0, 64*1024), len(text)+1)
		n := 0
		for sc.Scan() {
			n++
			line := strings.TrimRight(sc.Text(), "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue
			}
			recs = append(recs, strings.Split(line, "\t"))
			lines = append(lines, n)
		}
		if err := sc.Err(); err != nil {
			return nil, &dossier.InputError{Op: "read", Path: name, Err: err}
		}
	}
	var out []Entry
	for k, rec := range recs {
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if len(rec) == 1 && rec[0] == "" {
			continue
		}
		if k == 0 && len(rec) >= 2 && strings.EqualFold(rec[0], "name") && strings.EqualFold(rec[1], "type") {
			continue
		}
		e, err := parseRecord(rec)
		if err != nil {
			return nil, lineError(name, lines[k], err)
		}
		e.Source = name
		out = append(out, e)
	}
	return out, nil
}

func firstDataLine(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
			return line
		}
	}
	return ""
}

func lineError(name string, line int, err error) error {
	return &dossier.InputError{Op: "parse", Path: name + ":" + strconv.Itoa(line), Err: err}
}

func parseRecord(rec []string) (Entry, error) {
	if len(rec) < 2 {
		return Entry{}, fmt.Errorf("want name and type columns, got %d column(s): %w", len(rec), dossier.ErrInvalid)
	}
	if len(rec) > 4 {
		return Entry{}, fmt.Errorf("want at most 4 columns (name, type, aliases, kb_id), got %d: %w", len(rec), dossier.ErrInvalid)
	}
	if rec[0] == "" {
		return Entry{}, fmt.Errorf("empty name: %w", dossier.ErrInvalid)
	}
	if strings.ContainsAny(rec[0], "\x00\r\n") {
		return Entry{}, fmt.Errorf("control character in name: %w", dossier.ErrInvalid)
	}
	t, ok := parseType(rec[1])
	if !ok {
		return Entry{}, fmt.Errorf("unknown type %q: %w", rec[1], dossier.ErrInvalid)
	}
	e := Entry{Name: rec[0], Type: t}
	if len(rec) > 2 {
		for _, a := range strings.FieldsFunc(rec[2], func(r rune) bool { return r == '|' || r == ';' }) {
			if a = strings.TrimSpace(a); a == "" || a == e.Name {
				continue
			}
			if isAcronym(a) {
				e.Acronyms = appendNew(e.Acronyms, a)
			} else {
				e.Aliases = appendNew(e.Aliases, a)
			}
		}
	}
	if len(rec) > 3 {
		if strings.ContainsAny(rec[3], " \t") {
			return Entry{}, fmt.Errorf("kb_id %q has spaces: %w", rec[3], dossier.ErrInvalid)
		}
		e.KBID = rec[3]
	}
	return e, nil
}

// isAcronym reports whether an alias is written as an acronym: 2 to 10 characters, at
// least two capital letters, no lower-case letters ("ISKP", "U.S.", "ISIS-K", "M23").
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	caps := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			caps++
		case c >= '0' && c <= '9', c == '.', c == '-', c == '&':
		default:
			return false
		}
	}
	return caps >= 2
}
