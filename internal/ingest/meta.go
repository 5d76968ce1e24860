package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"dossier"
	"dossier/internal/ingest/when"
)

// Meta is the metadata ingest finds for a document.
type Meta struct {
	Title  string
	Date   dossier.Date
	Series string
	// Publisher is the source named by a "SOURCE:" header line or a dateline's agency
	// ("Reuters"). Document.Source keeps the path; the caller decides where this goes.
	Publisher string
}

// merge fills the empty fields of m from o.
func (m *Meta) merge(o Meta) {
	if m.Title == "" {
		m.Title = o.Title
	}
	if m.Date.IsZero() {
		m.Date = o.Date
	}
	if m.Series == "" {
		m.Series = o.Series
	}
	if m.Publisher == "" {
		m.Publisher = o.Publisher
	}
}

var (
	// reHeaderKey matches "TITLE: ...", "Date: ...", "SOURCE: ..." header lines.
	reHeaderKey = regexp.MustCompile(`^(?i)(title|headline|subject|date|dated|published|source|publisher|series)\s*:\s*(\S.*)$`)
	// reSeries matches a series line such as "Brief n.27, March 2023" or
	// "Bulletin No. 4 — 15 March 2023": a short name with a number, then a date.
	reSeries = regexp.MustCompile(`^(?i)(\p{L}[\p{L}\p{M} '&.-]{0,50}?\s*(?:n\.|n°|nº|no\.?|nr\.?|#|number|issue|vol\.?)\s*\d+[a-z]?)\s*(?:[,;|·/–—-]|\s)\s*(.+)$`)
	// reDateline matches a news dateline: "MOSCOW, Feb 8 (Reuters) -", "KABUL (AP) —",
	// "WASHINGTON, D.C., March 3, 2023 (AFP) -".
	reDateline = regexp.MustCompile(`^(\p{Lu}[\p{Lu}\p{M} .'-]{1,40}(?:,\s*\p{Lu}[\p{L}.' ]{0,30}?)?)(?:,\s*([^()\n]{3,40}?))?\s*\(([\p{L}][\p{L}\p{M}0-9 .&'/-]{0,40})\)\s*[-–—]`)
)

// Metadata reads metadata from the head of a canonical text: "KEY: value" header lines
// (TITLE, DATE, SOURCE, SERIES), a series line followed by the title ("Brief n.27,
// March 2023"), a news dateline ("MOSCOW, Feb 8 (Reuters) -"), and otherwise the first
// non-empty line as the title when it is short.
func Metadata(text string) Meta {
	var m Meta
	lines := headLines(text, 16)
	var dateline *when.Partial
	firstContent := -1
	var content []int // lines that are neither headers, dates nor datelines
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		if km := reHeaderKey.FindStringSubmatch(ln); km != nil {
			val := strings.TrimSpace(km[2])
			switch strings.ToLower(km[1]) {
			case "title", "headline", "subject":
				setOnce(&m.Title, val)
			case "date", "dated", "published":
				if p, ok := when.Parse(val); ok && m.Date.IsZero() {
					m.Date = p.Date()
				}
			case "source", "publisher":
				setOnce(&m.Publisher, val)
			case "series":
				setOnce(&m.Series, val)
			}
			continue
		}
		if i == 0 || firstContent < 0 {
			if sm := reSeries.FindStringSubmatch(ln); sm != nil && utf8.RuneCountInString(ln) <= 80 {
				if p, ok := when.Parse(sm[2]); ok && p.Year != 0 {
					setOnce(&m.Series, strings.TrimSpace(sm[1]))
					if m.Date.IsZero() {
						m.Date = p.Date()
					}
					if i+1 < len(lines) && m.Title == "" && reHeaderKey.FindStringSubmatch(lines[i+1]) == nil && isTitleLike(lines[i+1]) {
						m.Title = lines[i+1]
						i++
					}
					continue
				}
			}
		}
		nearStart := firstContent < 0 || i <= firstContent+2
		if p, ok := when.Parse(ln); ok && p.Year != 0 && nearStart && utf8.RuneCountInString(ln) <= 40 {
			// A line that is only a date, near the top.
			if m.Date.IsZero() {
				m.Date = p.Date()
			}
			continue
		}
		if dm := reDateline.FindStringSubmatch(ln); dm != nil && dateline == nil && nearStart {
			setOnce(&m.Publisher, strings.TrimSpace(dm[3]))
			if p, ok := when.Parse(dm[2]); ok {
				dateline = &p
			}
			if firstContent < 0 {
				firstContent = i
			}
			continue
		}
		if firstContent < 0 {
			firstContent = i
		}
		content = append(content, i)
	}
	if dateline != nil {
		switch {
		case dateline.Year != 0:
			m.Date = dateline.Date()
		case !m.Date.IsZero() && (m.Date.Month == 0 || m.Date.Month == dateline.Month):
			m.Date = dossier.Date{Year: m.Date.Year, Month: dateline.Month, Day: dateline.Day}
		}
	}
	if m.Title == "" && len(content) > 0 && content[0] == firstContent && isTitleLike(lines[firstContent]) {
		m.Title = lines[firstContent]
		// A short all-capitals kicker ("PRESS RELEASE") gives way to the line that
		// follows the header block, when that one reads as a title.
		if isKicker(m.Title) && len(content) > 1 && content[1] <= firstContent+6 && isTitleLike(lines[content[1]]) && !strings.HasSuffix(lines[content[1]], ".") {
			m.Title = lines[content[1]]
		}
	}
	return m
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// isTitleLike reports whether a line is short enough to be a title.
func isTitleLike(ln string) bool {
	n := utf8.RuneCountInString(ln)
	if n == 0 || n > 160 || len(strings.Fields(ln)) > 25 {
		return false
	}
	// A long line ending a sentence is prose, not a title.
	return !(n > 80 && strings.HasSuffix(ln, "."))
}

// headLines returns the first max non-empty lines of text, trimmed.
func headLines(text string, max int) []string {
	var out []string
	for len(out) < max && text != "" {
		ln, rest, _ := strings.Cut(text, "\n")
		text = rest
		if ln = strings.TrimSpace(ln); ln != "" {
			out = append(out, ln)
		}
	}
	return out
}

// isKicker reports a short line in capitals: a label above the real title.
func isKicker(s string) bool {
	return len(strings.Fields(s)) <= 4 && strings.ToUpper(s) == s && strings.ToLower(s) != s
}
