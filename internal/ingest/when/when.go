// Package when parses the dates found in document headers, metadata and citations
// ("2023-03-15", "March 15, 2023", "15 March 2023", "Feb 8th", "March 2023", "2023"),
// keeping their precision; a date may lack its year.
package when

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"dossier"
)

// MonthNumber maps English month names and abbreviations to month numbers.
func MonthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, m := range months {
		if s == m || s == m[:3] || (m == "september" && s == "sept") {
			return i + 1
		}
	}
	return 0
}

const monthAlt = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

var (
	reISODate  = regexp.MustCompile(`^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$`)
	reMDY      = regexp.MustCompile(`(?i)^(?:[a-z]+,?\s+)?(` + monthAlt + `)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`)
	reDMY      = regexp.MustCompile(`(?i)^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthAlt + `)(?:,?\s+(\d{4}))?$`)
	reMY       = regexp.MustCompile(`(?i)^(` + monthAlt + `),?\s+(\d{4})$`)
	reYear     = regexp.MustCompile(`^(\d{4})$`)
	reDotted   = regexp.MustCompile(`^(\d{1,2})[./](\d{1,2})[./](\d{4})$`)
	reCompact  = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	reTrailing = regexp.MustCompile(`(?i)\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?\s*(?:utc|gmt|[a-z]{2,4}t)?|utc|gmt)$`)
)

// Partial is a date whose year may be unknown (month and day from a dateline). Month
// and Day are 0 when not known.
type Partial struct{ Year, Month, Day int }

// Parse parses a whole string as a date in one of the usual English forms:
// "2023-03-15", "March 15, 2023", "15 March 2023", "Feb 8th", "March 2023", "2023",
// "15.03.2023". The year may be missing (0) when the form gives month and day only.
func Parse(s string) (Partial, bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ".,;:"))
	if s == "" || len(s) > 64 {
		return Partial{}, false
	}
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	var p Partial
	if m := reISODate.FindStringSubmatch(s); m != nil {
		p = Partial{atoi(m[1]), atoi(m[2]), atoi(m[3])}
	} else if m := reCompact.FindStringSubmatch(s); m != nil {
		p = Partial{atoi(m[1]), atoi(m[2]), atoi(m[3])}
	} else if t, err := time.Parse(time.RFC1123Z, s); err == nil {
		p = Partial{t.Year(), int(t.Month()), t.Day()}
	} else if t, err := time.Parse(time.RFC1123, s); err == nil {
		p = Partial{t.Year(), int(t.Month()), t.Day()}
	} else {
		s = reTrailing.ReplaceAllString(s, "")
		s = strings.TrimSpace(strings.TrimRight(s, ",; "))
		switch {
		case reMY.MatchString(s):
			m := reMY.FindStringSubmatch(s)
			p = Partial{atoi(m[2]), MonthNumber(m[1]), 0}
		case reMDY.MatchString(s):
			m := reMDY.FindStringSubmatch(s)
			p = Partial{atoi(m[3]), MonthNumber(m[1]), atoi(m[2])}
		case reDMY.MatchString(s):
			m := reDMY.FindStringSubmatch(s)
			p = Partial{atoi(m[3]), MonthNumber(m[2]), atoi(m[1])}
		case reYear.MatchString(s):
			p = Partial{atoi(s), 0, 0}
		case reDotted.MatchString(s):
			m := reDotted.FindStringSubmatch(s)
			p = Partial{atoi(m[3]), atoi(m[2]), atoi(m[1])}
		default:
			return Partial{}, false
		}
	}
	if p.Month == 0 && p.Day != 0 {
		return Partial{}, false
	}
	if p.Year != 0 && (p.Year < 1000 || !(dossier.Date{Year: p.Year, Month: p.Month, Day: p.Day}).Valid()) {
		return Partial{}, false
	}
	if p.Year == 0 && (p.Month == 0 || !(dossier.Date{Year: 2000, Month: p.Month, Day: p.Day}).Valid()) {
		return Partial{}, false
	}
	return p, true
}

// Date returns p as a dossier.Date, the zero Date when its year is unknown.
func (p Partial) Date() dossier.Date {
	if p.Year == 0 {
		return dossier.Date{}
	}
	return dossier.Date{Year: p.Year, Month: p.Month, Day: p.Day}
}

// Loose parses a metadata date (a meta tag, front matter): a date with its year, or
// the zero Date.
func Loose(s string) dossier.Date {
	p, ok := Parse(s)
	if !ok {
		return dossier.Date{}
	}
	return p.Date()
}
