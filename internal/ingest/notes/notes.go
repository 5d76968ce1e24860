// Package notes finds footnotes and endnotes in a canonical text: the numbered notes
// at the end ("1. ...", "[1] ...", "(1) ...", "¹ ..."), the markers in the body that point
// to them ("(1)", "[1]", superscript digits, "^1"), and the cited source of each note
// (publisher, title, date) where the note reads as a citation.
package notes

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier"
	"dossier/internal/ingest/when"
)

var (
	// reNoteLine matches the label that opens a note line.
	reNoteLine = regexp.MustCompile(`^[ \t]*(?:\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})[.)]|\^(\d{1,3})|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))[ \t]*`)
	// reNotesHeading matches a heading that opens a notes or references section.
	reNotesHeading = regexp.MustCompile(`(?i)^[ \t]*(notes?|footnotes|endnotes|references|sources|bibliography|citations)[ \t]*:?[ \t]*$`)
)

const superDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹"

func superToInt(s string) string {
	var b strings.Builder
	for _, r := range s {
		if i := strings.IndexRune(superDigits, r); i >= 0 {
			b.WriteByte(byte('0' + utf8.RuneCountInString(superDigits[:i])))
		}
	}
	return strings.TrimLeft(b.String(), "0")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

type line struct {
	start, end int // byte range without the newline
}

func splitLines(text string) []line {
	var out []line
	for off := 0; off <= len(text); {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			out = append(out, line{off, len(text)})
			break
		}
		out = append(out, line{off, off + i})
		off += i + 1
	}
	return out
}

type note struct {
	label          string
	start, end     int // note text, label excluded
	labelLineStart int
}

// Find returns the footnotes of text, in label order. A notes block is a run of
// numbered lines starting at 1 and counting up, reaching the end of the text (lines
// without a label continue the previous note), accepted when a notes heading precedes
// it or when the body holds a marker for one of its labels.
func Find(text string) []dossier.Footnote {
	lines := splitLines(text)
	notes, blockStart, headed := findBlock(text, lines)
	if len(notes) == 0 {
		return nil
	}
	body := text[:blockStart]
	markers := markersIn(body)
	linked := 0
	for _, n := range notes {
		if _, ok := markers[n.label]; ok {
			linked++
		}
	}
	if linked == 0 && !headed {
		return nil
	}
	out := make([]dossier.Footnote, 0, len(notes))
	for _, n := range notes {
		fn := dossier.Footnote{Label: n.label, Note: dossier.SpanOf(text, n.start, n.end)}
		if m, ok := markers[n.label]; ok {
			fn.Marker = dossier.SpanOf(text, m[0], m[1])
		}
		fn.Source = Parse(fn.Note.Text).Name()
		out = append(out, fn)
	}
	return out
}

// findBlock finds the last numbered run 1..n that reaches the end of the text.
func findBlock(text string, lines []line) ([]note, int, bool) {
	var best []note
	bestStart := 0
	headed := false
	for i := 0; i < len(lines); i++ {
		lab, _ := labelOf(text, lines[i])
		if lab != "1" {
			continue
		}
		var run []note
		want := 1
		ok := true
		for j := i; j < len(lines); j++ {
			ln := lines[j]
			l, le := labelOf(text, ln)
			if l == strconv.Itoa(want) {
				run = append(run, note{label: l, start: le, end: ln.end, labelLineStart: ln.start})
				want++
				continue
			}
			if l != "" && j > i {
				// A label out of sequence: this is not the notes block.
				ok = false
				break
			}
			if strings.TrimSpace(text[ln.start:ln.end]) == "" {
				continue
			}
			// A continuation line of the current note; a long prose paragraph ends the run.
			if utf8.RuneCountInString(text[ln.start:ln.end]) > 600 {
				ok = false
				break
			}
			run[len(run)-1].end = ln.end
		}
		if ok && len(run) > 0 {
			best, bestStart = run, lines[i].start
			headed = false
			for k := i - 1; k >= 0; k-- {
				t := strings.TrimSpace(text[lines[k].start:lines[k].end])
				if t == "" {
					continue
				}
				headed = reNotesHeading.MatchString(t)
				break
			}
			break
		}
	}
	for k := range best {
		n := &best[k]
		for n.end > n.start && unicode.IsSpace(rune(text[n.end-1])) {
			n.end--
		}
	}
	return best, bestStart, headed
}

// labelOf returns the note label opening ln and the byte offset where its text starts.
func labelOf(text string, ln line) (string, int) {
	s := text[ln.start:ln.end]
	m := reNoteLine.FindStringSubmatchIndex(s)
	if m == nil || m[1] == len(s) {
		return "", 0
	}
	var lab string
	for g := 1; g <= 5; g++ {
		if m[2*g] >= 0 {
			lab = s[m[2*g]:m[2*g+1]]
			if g == 5 {
				lab = superToInt(lab)
			}
			break
		}
	}
	lab = strings.TrimLeft(lab, "0")
	return lab, ln.start + m[1]
}

// markersIn returns the first marker of each label in body: "(n)" and superscripts
// directly after a word or punctuation, "[n]" and "^n" anywhere.
func markersIn(body string) map[string][2]int {
	out := map[string][2]int{}
	digits := func(i int) int { // end of a run of 1-3 ASCII digits starting at i, or i
		j := i
		for j < len(body) && j-i < 4 && body[j] >= '0' && body[j] <= '9' {
			j++
		}
		if j-i > 3 {
			return i
		}
		return j
	}
	hugs := func(start int) bool { // the marker follows text, not a space
		if start == 0 {
			return false
		}
		prev, _ := utf8.DecodeLastRuneInString(body[:start])
		return !unicode.IsSpace(prev) && prev != '('
	}
	add := func(lab string, start, end int) {
		lab = strings.TrimLeft(lab, "0")
		if _, seen := out[lab]; lab != "" && !seen {
			out[lab] = [2]int{start, end}
		}
	}
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == '(' || c == '[':
			close := byte(')')
			if c == '[' {
				close = ']'
			}
			j := digits(i + 1)
			if j > i+1 && j < len(body) && body[j] == close && (c == '[' || hugs(i)) {
				add(body[i+1:j], i, j+1)
				i = j + 1
				continue
			}
		case c == '^':
			if j := digits(i + 1); j > i+1 {
				add(body[i+1:j], i, j)
				i = j
				continue
			}
		case c >= 0x80:
			j := i
			for j < len(body) {
				r, n := utf8.DecodeRuneInString(body[j:])
				if !strings.ContainsRune(superDigits, r) {
					break
				}
				j += n
			}
			if j > i {
				if hugs(i) {
					add(superToInt(body[i:j]), i, j)
				}
				i = j
				continue
			}
			_, n := utf8.DecodeRuneInString(body[i:])
			i += n
			continue
		}
		i++
	}
	return out
}

// Source is a cited source parsed from a note.
type Source struct {
	Publisher string
	Title     string
	Date      dossier.Date
	URL       string
}

var (
	reURL    = regexp.MustCompile(`(?i)\bhttps?://[^\s<>"]+`)
	reQuoted = regexp.MustCompile(`["“«]\s*([^"”»]{3,300}?)\s*[,.]?\s*["”»]`)
)

// Parse reads a citation note ("Publisher, Headline of the article, 9 January 2023";
// `Author, "Title," Publisher, 3 March 2023, https://...`) into a Source.
// A note that reads as prose gives an empty Source.
func Parse(note string) Source {
	var src Source
	note, _, _ = strings.Cut(strings.TrimSpace(note), "\n\n")
	note = strings.TrimSpace(note)
	if u := reURL.FindString(note); u != "" {
		src.URL = strings.TrimRight(u, ".,;)")
		note = strings.TrimSpace(strings.Replace(note, u, "", 1))
	}
	var parts []string
	quotedTitle := ""
	if q := reQuoted.FindStringSubmatchIndex(note); q != nil {
		quotedTitle = strings.TrimSpace(note[q[2]:q[3]])
		before := strings.Split(note[:q[0]], ",")
		after := strings.Split(note[q[1]:], ",")
		for _, p := range before {
			parts = append(parts, p)
		}
		parts = append(parts, "\x00title")
		parts = append(parts, after...)
	} else {
		parts = strings.Split(note, ",")
	}
	var clean []string
	for _, p := range parts {
		p = strings.TrimSpace(strings.Trim(strings.TrimSpace(p), ".;:"))
		if p != "" {
			clean = append(clean, p)
		}
	}
	// A date: the last part, or the last two parts together ("March 3, 2023").
	for k := len(clean) - 1; k >= 0 && k >= len(clean)-1; k-- { // the date closes a citation
		if k > 0 && len(clean[k]) == 4 {
			if p, ok := when.Parse(clean[k-1] + ", " + clean[k]); ok && p.Year != 0 {
				src.Date = p.Date()
				clean = append(clean[:k-1], clean[k+1:]...)
				break
			}
		}
		if p, ok := when.Parse(clean[k]); ok && p.Year != 0 {
			src.Date = p.Date()
			clean = append(clean[:k], clean[k+1:]...)
			break
		}
	}
	if quotedTitle != "" {
		src.Title = quotedTitle
		// The publisher is the first title-case part after the title, else the part before.
		idx := -1
		for i, p := range clean {
			if p == "\x00title" {
				idx = i
			}
		}
		for i := idx + 1; i < len(clean); i++ {
			if isName(clean[i]) {
				src.Publisher = clean[i]
				break
			}
		}
		if src.Publisher == "" && idx > 0 && isName(clean[idx-1]) {
			src.Publisher = clean[idx-1]
		}
	} else if len(clean) >= 2 && isName(clean[0]) && (!src.Date.IsZero() || src.URL != "") {
		// "Publisher, Title, Date": a citation closes with its date (or carries a link);
		// prose that happens to start with a capitalised word does not.
		src.Publisher = clean[0]
		src.Title = strings.Join(clean[1:], ", ")
	} else if len(clean) == 1 && isName(clean[0]) && (!src.Date.IsZero() || src.URL != "") {
		src.Publisher = clean[0]
	} else if len(clean) >= 1 && len(strings.Fields(note)) <= 25 && startsUpper(clean[0]) &&
		len(strings.Fields(clean[0])) <= 10 && (!src.Date.IsZero() || src.URL != "") {
		// A short dated citation without a named publisher: "Communique of the defence
		// ministers, Niamey, 6 March 2024". Its first part names the source document.
		src.Title = clean[0]
	}
	if src.Publisher == "" && src.Title == "" && src.Date.IsZero() && src.URL == "" {
		return Source{}
	}
	if src.Publisher == "" && src.Title == "" {
		if src.URL == "" {
			return Source{}
		}
	}
	if src.Publisher == "" && src.Date.IsZero() && src.URL == "" {
		return Source{}
	}
	if src.Publisher == "" && src.URL != "" {
		src.Publisher = hostOf(src.URL)
	}
	return src
}

// isName reports whether s reads as a proper name: 1 to 6 words, each capitalised
// except small connecting words.
func isName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "(\"'“«"))
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		if i > 0 && isSmall(strings.ToLower(w)) {
			continue
		}
		return false
	}
	return true
}

func hostOf(u string) string {
	u = u[strings.Index(u, "//")+2:]
	host, _, _ := strings.Cut(u, "/")
	return strings.TrimPrefix(host, "www.")
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// Name returns what a note cites: the publisher, else the title of the cited document.
func (s Source) Name() string {
	if s.Publisher != "" {
		return s.Publisher
	}
	return s.Title
}

// isSmall reports connecting words allowed in lower case inside a name.
func isSmall(w string) bool {
	switch w {
	case "of", "the", "and", "for", "de", "la", "le", "du", "des", "&", "on", "in", "al", "el", "da", "di", "für", "und", "y", "et":
		return true
	}
	return false
}
