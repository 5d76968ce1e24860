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

// MonthNumber maps month names and their usual abbreviations in English, French,
// Spanish, Portuguese, Italian, German and Dutch to month numbers (0 if unknown).
func MonthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len([]rune(s)) < 3 {
		return 0
	}
	names := [12]string{
		"january jan janvier janv enero ene janeiro gennaio genn gen januar jänner jän januari",
		"february feb février févr fevrier fevr febrero fevereiro fev febbraio febr februar februari",
		"march mar mars marzo março marco märz maerz mrz maart mrt",
		"april apr avril avr abril abr aprile",
		"may mai mayo maio maggio mag mei",
		"june jun juin junio junho giugno giu juni",
		"july jul juillet juil julio julho luglio lug juli",
		"august aug août aout agosto ago augustus",
		"september sep sept septembre septiembre setiembre set setembro settembre",
		"october oct octobre octubre outubro out ottobre ott oktober okt",
		"november nov novembre noviembre novembro",
		"december dec décembre déc decembre diciembre dic dezembro dez dicembre dezember",
	}
	for i, n := range names {
		for _, w := range strings.Fields(n) {
			if s == w {
				return i + 1
			}
		}
	}
	return 0
}

// monthWord matches a month name candidate (checked with MonthNumber).
const monthWord = `(\p{L}{3,10}\.?)`

var (
	reISODate  = regexp.MustCompile(`^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$`)
	reMDY      = regexp.MustCompile(`(?i)^(?:\p{L}+,?\s+)?` + monthWord + `\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`)
	reDMY      = regexp.MustCompile(`(?i)^(?:\p{L}+,?\s+)?(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?\s+(?:of\s+|de\s+)?` + monthWord + `(?:,?\s+(?:de\s+)?(\d{4}))?$`)
	reMY       = regexp.MustCompile(`(?i)^` + monthWord + `,?\s+(?:de\s+)?(\d{4})$`)
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
		ok := false
		if m := reMY.FindStringSubmatch(s); m != nil && MonthNumber(m[1]) != 0 {
			p, ok = Partial{atoi(m[2]), MonthNumber(m[1]), 0}, true
		} else if m := reMDY.FindStringSubmatch(s); m != nil && MonthNumber(m[1]) != 0 {
			p, ok = Partial{atoi(m[3]), MonthNumber(m[1]), atoi(m[2])}, true
		} else if m := reDMY.FindStringSubmatch(s); m != nil && MonthNumber(m[2]) != 0 {
			p, ok = Partial{atoi(m[3]), MonthNumber(m[2]), atoi(m[1])}, true
		} else if reYear.MatchString(s) {
			p, ok = Partial{atoi(s), 0, 0}, true
		} else if m := reDotted.FindStringSubmatch(s); m != nil {
			p, ok = Partial{atoi(m[3]), atoi(m[2]), atoi(m[1])}, true
		}
		if !ok {
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
