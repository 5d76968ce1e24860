package extract

// Dates: absolute dates in the common English forms and relative ones resolved against the
// document date, each with its precision. A date that does not exist ("32 February") or
// lacks what would fix it ("the 8th" with no month, "February 8th" with no document
// date) is never invented: it is left out.

import (
	"strconv"
	"strings"
	"time"

	"dossier"
	"dossier/internal/text"
)

// dateExpr is one date expression of a sentence: units [u0, u1) and its value.
type dateExpr struct {
	u0, u1 int
	date   dossier.Date
}

// monthNum returns the month of a folded month name or abbreviation.
func monthNum(w string) int {
	w = strings.TrimSuffix(w, ".")
	switch w {
	case "january", "jan":
		return 1
	case "february", "feb":
		return 2
	case "march", "mar":
		return 3
	case "april", "apr":
		return 4
	case "may":
		return 5
	case "june", "jun":
		return 6
	case "july", "jul":
		return 7
	case "august", "aug":
		return 8
	case "september", "sep", "sept":
		return 9
	case "october", "oct":
		return 10
	case "november", "nov":
		return 11
	case "december", "dec":
		return 12
	}
	return 0
}

func weekdayNum(w string) (time.Weekday, bool) {
	switch w {
	case "sunday":
		return time.Sunday, true
	case "monday":
		return time.Monday, true
	case "tuesday":
		return time.Tuesday, true
	case "wednesday":
		return time.Wednesday, true
	case "thursday":
		return time.Thursday, true
	case "friday":
		return time.Friday, true
	case "saturday":
		return time.Saturday, true
	}
	return 0, false
}

// numberWord returns the value of a small cardinal written in words or digits.
func numberWord(w string) (int, bool) {
	switch w {
	case "a", "an", "one":
		return 1, true
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	case "eleven":
		return 11, true
	case "twelve":
		return 12, true
	case "thirteen":
		return 13, true
	case "fourteen":
		return 14, true
	case "fifteen":
		return 15, true
	case "twenty":
		return 20, true
	case "thirty":
		return 30, true
	}
	if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 1000 {
		return n, true
	}
	return 0, false
}

// dayNum parses a day of the month: "8", "08", "8th", "1st", "22nd", "3rd".
func dayNum(w string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if len(w) == 0 || len(w) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

// yearNum parses a four-digit year between 1900 and 2100.
func yearNum(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < 1900 || n > 2100 {
		return 0, false
	}
	return n, true
}

// isoDate parses "2023-02-08" (one token).
func isoDate(w string) (dossier.Date, bool) {
	if len(w) != 10 || w[4] != '-' || w[7] != '-' {
		return dossier.Date{}, false
	}
	d, err := dossier.ParseDate(w)
	return d, err == nil
}

// resolveDates finds the date expressions of every sentence, in document order, so that
// "twelve days later" resolves against the date before it.
func (st *relState) resolveDates() {
	st.dates = make([][]dateExpr, len(st.sus))
	var prev dossier.Date
	for si := range st.sus {
		st.dates[si] = findDates(st.sus[si].units, st.docDate, &prev)
		// the next sentence's "two days later" counts from this sentence's most precise
		// date ("On March 6, ... announced last September"), not from its last one
		if ds := st.dates[si]; len(ds) > 0 {
			best := ds[len(ds)-1].date
			for _, e := range ds {
				if e.date.Precision() > best.Precision() {
					best = e.date
				}
			}
			prev = best
		}
	}
}

// findDates scans the units of one sentence for date expressions. prev is the last date
// seen before (updated as dates are found).
func findDates(us []unit, doc dossier.Date, prev *dossier.Date) []dateExpr {
	var out []dateExpr
	word := func(i int) string {
		if i < 0 || i >= len(us) || us[i].isMention() {
			return ""
		}
		return us[i].word
	}
	for i := 0; i < len(us); i++ {
		if us[i].isMention() || !mayStartDate(&us[i]) {
			continue
		}
		if e, ok := relativeDate(us, i, doc, *prev, word); ok {
			if !e.date.IsZero() {
				out = append(out, e)
				*prev = e.date
			}
			i = e.u1 - 1
			continue
		}
		if e, ok := absoluteDate(us, i, doc, word); ok {
			if !e.date.IsZero() {
				out = append(out, e)
				*prev = e.date
			}
			i = e.u1 - 1
		}
	}
	return out
}

// mayStartDate is a cheap filter for units that can open a date expression.
func mayStartDate(u *unit) bool {
	w := u.word
	if w == "" {
		return false
	}
	if c := w[0]; c >= '0' && c <= '9' {
		return true
	}
	if u.cap && monthNum(w) > 0 {
		return true
	}
	switch w {
	case "yesterday", "today", "tomorrow", "last", "next", "this", "past", "on", "a", "an", "the",
		"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "thirteen", "fourteen", "fifteen", "twenty", "thirty":
		return true
	}
	if strings.HasPrefix(w, "mid-") {
		return monthNum(w[4:]) > 0
	}
	return len(w) > 5 && monthNum(w) > 0
}

// absoluteDate matches a calendar date starting at unit i. It reports ok with a zero date
// for an expression that names no real date (consumed, not output).
func absoluteDate(us []unit, i int, doc dossier.Date, word func(int) string) (dateExpr, bool) {
	w := word(i)
	if d, ok := isoDate(w); ok {
		return dateExpr{i, i + 1, d}, true
	}
	if m := monthNum(strings.TrimPrefix(w, "mid-")); m > 0 && strings.HasPrefix(w, "mid-") {
		// "mid-March", "mid-March 2023"
		if y, ok := yearNum(word(i + 1)); ok {
			return dateExpr{i, i + 2, dossier.Date{Year: y, Month: m}}, true
		}
		return dateExpr{i, i + 1, inferYear(m, 0, doc)}, true
	}
	// Month [day][,] [year]
	if m := monthNum(w); m > 0 && (us[i].cap || len(w) > 5) {
		if (w == "may" || w == "march") && !us[i].cap {
			return dateExpr{}, false
		}
		j := i + 1
		if word(j) == "." {
			j++
		}
		if d, ok := dayNum(word(j)); ok && us[j].kind == text.Number {
			k := j + 1
			if word(k) == "," {
				k++
			}
			if y, ok := yearNum(word(k)); ok {
				return dateExpr{i, k + 1, validOrZero(dossier.Date{Year: y, Month: m, Day: d})}, true
			}
			return dateExpr{i, j + 1, inferYear(m, d, doc)}, true
		}
		if word(j) == "of" || word(j) == "," {
			j++
		}
		if y, ok := yearNum(word(j)); ok {
			return dateExpr{i, j + 1, dossier.Date{Year: y, Month: m}}, true
		}
		// a bare month: only after "in", "since", "by", "until", "from", "early", "late", "mid"
		switch word(i - 1) {
		case "in", "since", "by", "until", "from", "early", "late", "mid", "mid-", "during", "of", "last", "next", "this", "through":
			return dateExpr{i, i + 1, inferYear(m, 0, doc)}, true
		}
		return dateExpr{}, false
	}
	// day [of] Month [,] [year]
	if d, ok := dayNum(w); ok && us[i].kind == text.Number {
		j := i + 1
		if word(j) == "of" {
			j++
		}
		if m := monthNum(word(j)); m > 0 && us[j].cap {
			k := j + 1
			if word(k) == "," {
				k++
			}
			if y, ok := yearNum(word(k)); ok {
				return dateExpr{i, k + 1, validOrZero(dossier.Date{Year: y, Month: m, Day: d})}, true
			}
			return dateExpr{i, j + 1, inferYear(m, d, doc)}, true
		}
		return dateExpr{}, false
	}
	// a bare year
	if y, ok := yearNum(w); ok && us[i].kind == text.Number {
		next := word(i + 1)
		if next != "" && us[i+1].kind == text.Word && !isPreposition(next) && !isBoundary(next) && next != "and" && next != "or" {
			return dateExpr{}, false // "2000 fighters"
		}
		return dateExpr{i, i + 1, dossier.Date{Year: y}}, true
	}
	return dateExpr{}, false
}

func validOrZero(d dossier.Date) dossier.Date {
	if !d.Valid() {
		return dossier.Date{}
	}
	return d
}

// inferYear gives a month (and day) without a year the year that puts it closest to the
// document date; with no document date it names nothing.
func inferYear(m, d int, doc dossier.Date) dossier.Date {
	if doc.IsZero() {
		return dossier.Date{}
	}
	if doc.Month == 0 {
		return validOrZero(dossier.Date{Year: doc.Year, Month: m, Day: d})
	}
	ref := doc.Time()
	if doc.Day == 0 {
		ref = ref.AddDate(0, 0, 14)
	}
	best := dossier.Date{}
	bestDist := time.Duration(1 << 62)
	for y := doc.Year - 1; y <= doc.Year+1; y++ {
		c := dossier.Date{Year: y, Month: m, Day: d}
		if !c.Valid() {
			continue
		}
		t := c.Time()
		if d == 0 {
			t = t.AddDate(0, 0, 14)
		}
		dist := t.Sub(ref)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best
}

// relativeDate matches a date relative to the document date or to another date.
func relativeDate(us []unit, i int, doc dossier.Date, prev dossier.Date, word func(int) string) (dateExpr, bool) {
	w := word(i)
	switch w {
	case "yesterday", "today", "tomorrow":
		if doc.Precision() < dossier.PrecisionDay {
			return dateExpr{i, i + 1, dossier.Date{}}, true
		}
		off := map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[w]
		return dateExpr{i, i + 1, dateOf(doc.Time().AddDate(0, 0, off))}, true
	case "last", "next", "this", "past":
		nw := word(i + 1)
		if m := monthNum(nw); m > 0 && (us[i+1].cap || len(nw) > 5) {
			if doc.IsZero() || doc.Month == 0 {
				return dateExpr{i, i + 2, dossier.Date{}}, true
			}
			y := doc.Year
			switch w {
			case "last", "past":
				if m >= doc.Month {
					y--
				}
			case "next":
				if m <= doc.Month {
					y++
				}
			}
			return dateExpr{i, i + 2, dossier.Date{Year: y, Month: m}}, true
		}
		if wd, ok := weekdayNum(nw); ok {
			if doc.Precision() < dossier.PrecisionDay {
				return dateExpr{i, i + 2, dossier.Date{}}, true
			}
			return dateExpr{i, i + 2, weekdayFrom(doc, wd, w == "next")}, true
		}
		if doc.IsZero() {
			return dateExpr{}, false
		}
		sign := -1
		if w == "next" {
			sign = 1
		} else if w == "this" {
			sign = 0
		}
		switch nw {
		case "year":
			return dateExpr{i, i + 2, dossier.Date{Year: doc.Year + sign}}, true
		case "month":
			if doc.Month == 0 {
				return dateExpr{i, i + 2, dossier.Date{}}, true
			}
			t := time.Date(doc.Year, time.Month(doc.Month)+time.Month(sign), 1, 0, 0, 0, 0, time.UTC)
			return dateExpr{i, i + 2, dossier.Date{Year: t.Year(), Month: int(t.Month())}}, true
		case "week":
			// "last week", "this week": the month the week's middle falls in
			if doc.Precision() < dossier.PrecisionDay {
				return dateExpr{i, i + 2, dossier.Date{}}, true
			}
			t := doc.Time().AddDate(0, 0, 7*sign)
			return dateExpr{i, i + 2, dossier.Date{Year: t.Year(), Month: int(t.Month())}}, true
		}
		return dateExpr{}, false
	case "on":
		if wd, ok := weekdayNum(word(i + 1)); ok {
			if doc.Precision() < dossier.PrecisionDay {
				return dateExpr{i, i + 2, dossier.Date{}}, true
			}
			return dateExpr{i, i + 2, weekdayFrom(doc, wd, false)}, true
		}
		return dateExpr{}, false
	}
	// "N days/weeks/months/years later|earlier|ago|after X|before X"; "the day after X"
	n, ok := numberWord(w)
	if w == "the" && word(i+1) == "day" && (word(i+2) == "after" || word(i+2) == "before") {
		n, ok = 1, true
	}
	if !ok {
		return dateExpr{}, false
	}
	unitW := strings.TrimSuffix(word(i+1), "s")
	var dy, dm, dd int
	switch unitW {
	case "day":
		dd = n
	case "week":
		dd = 7 * n
	case "month":
		dm = n
	case "year":
		dy = n
	default:
		return dateExpr{}, false
	}
	dir := word(i + 2)
	var anchor dossier.Date
	end := i + 3
	switch dir {
	case "later", "after":
		// "after X": the date given with X, else the last date before (the date of X
		// told earlier: "The day after the attack, ...")
		anchor = prev
		if dir == "after" {
			for k := i + 3; k < len(us) && k <= i+10; k++ {
				if e, ok := absoluteDate(us, k, doc, word); ok && !e.date.IsZero() {
					anchor, end = e.date, e.u1
					break
				}
			}
		}
	case "earlier", "before":
		dy, dm, dd = -dy, -dm, -dd
		anchor = prev
		if dir == "before" {
			for k := i + 3; k < len(us) && k <= i+10; k++ {
				if e, ok := absoluteDate(us, k, doc, word); ok && !e.date.IsZero() {
					anchor, end = e.date, e.u1
					break
				}
			}
		}
	case "ago":
		dy, dm, dd = -dy, -dm, -dd
		anchor = doc
	default:
		return dateExpr{}, false
	}
	if anchor.IsZero() {
		return dateExpr{i, end, dossier.Date{}}, true
	}
	return dateExpr{i, end, shift(anchor, dy, dm, dd)}, true
}

// shift moves d by years, months and days, keeping what its precision allows: a shift by
// days needs a day, by months a month.
func shift(d dossier.Date, dy, dm, dd int) dossier.Date {
	switch {
	case dd != 0 && d.Precision() < dossier.PrecisionDay:
		if d.Precision() == dossier.PrecisionMonth && (dd >= 28 || dd <= -28) {
			t := d.Time().AddDate(0, 0, dd)
			return dossier.Date{Year: t.Year(), Month: int(t.Month())}
		}
		if d.Precision() == dossier.PrecisionMonth && dd <= 14 && dd >= -14 {
			// "In May, ... and a week later": most likely the same month
			return dossier.Date{Year: d.Year, Month: d.Month}
		}
		return dossier.Date{}
	case dm != 0 && d.Precision() < dossier.PrecisionMonth:
		return dossier.Date{}
	}
	t := d.Time().AddDate(dy, dm, dd)
	out := dateOf(t)
	switch d.Precision() {
	case dossier.PrecisionYear:
		out.Month, out.Day = 0, 0
	case dossier.PrecisionMonth:
		out.Day = 0
	}
	return out
}

func dateOf(t time.Time) dossier.Date {
	return dossier.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// weekdayFrom returns the weekday wd on or before doc (or after it, with next).
func weekdayFrom(doc dossier.Date, wd time.Weekday, next bool) dossier.Date {
	t := doc.Time()
	for k := 0; k < 7; k++ {
		c := t.AddDate(0, 0, -k)
		if next {
			c = t.AddDate(0, 0, k+1)
		}
		if c.Weekday() == wd {
			return dateOf(c)
		}
	}
	return dossier.Date{}
}

// dateFor returns the date of a relation whose head is unit h of sentence si: the date
// expression of the sentence nearest to the head.
func (st *relState) dateFor(si, h int) dossier.Date { return st.dateNear(si, h, true) }

// dist is the distance in units from unit u to the date expression (0 inside it).
func (e dateExpr) dist(u int) int {
	d := u - e.u1
	if e.u0 > u {
		d = e.u0 - u
	}
	return max(d, 0)
}
