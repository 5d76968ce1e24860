package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of text on a page.
type line struct {
	y, x0, x1, size float64
	text            string
}

// lines groups a page's runs into lines, in content order: a run starts a new line when
// its baseline moves by more than half the font size or it jumps far back to the left.
func lines(runs []run) []line {
	var out []line
	for _, r := range runs {
		if strings.TrimSpace(r.text) == "" && len(out) == 0 {
			continue
		}
		size := r.size
		if size <= 0 {
			size = 10
		}
		if n := len(out); n > 0 {
			cur := &out[n-1]
			tol := 0.5 * math.Max(size, cur.size)
			if math.Abs(r.y-cur.y) <= tol && r.x >= cur.x1-2*size {
				if isNumber(r.text) && size < 0.85*cur.size && r.y > cur.y+0.1*cur.size {
					// A raised small number after text is a note marker.
					cur.text += "[" + strings.TrimSpace(r.text) + "]"
					cur.x1 = math.Max(cur.x1, r.endX)
					continue
				}
				if isNumber(cur.text) && cur.size < 0.85*size && cur.y > r.y+0.1*size {
					// A raised small number opening a line labels a note.
					cur.text = strings.TrimSpace(cur.text) + ". "
					cur.size, cur.y = size, r.y
				}
				gap := r.x - cur.x1
				if gap > 0.15*size && !strings.HasSuffix(cur.text, " ") && !strings.HasPrefix(r.text, " ") {
					cur.text += " "
				}
				cur.text += r.text
				cur.x1 = math.Max(cur.x1, r.endX)
				continue
			}
		}
		if strings.TrimSpace(r.text) == "" {
			continue
		}
		out = append(out, line{y: r.y, x0: r.x, x1: r.endX, size: size, text: r.text})
	}
	for i := range out {
		out[i].text = strings.Join(strings.Fields(out[i].text), " ")
	}
	kept := out[:0]
	for _, l := range out {
		if l.text != "" {
			kept = append(kept, l)
		}
	}
	return kept
}

var (
	reDigits    = regexp.MustCompile(`\d+`)
	rePageLabel = regexp.MustCompile(`^(?:(?:page|p\.|seite|pag\.?|página|стр\.?)\s*)?#(?:\s*(?:of|/|de|sur|von)\s*#)?$|^[-–—]\s*#\s*[-–—]$|^[ivxlc]+$`)
)

func furnitureKey(s string) string {
	return strings.Join(strings.Fields(reDigits.ReplaceAllString(strings.ToLower(s), "#")), " ")
}

// dropFurniture removes running headers and footers: lines at the top or bottom of a page
// whose text (digits aside) recurs at the top or bottom of at least half the pages (two at
// least), and bare page numbers there.
func dropFurniture(pages [][]line, heights []float64) [][]line {
	for pass := 0; pass < 2; pass++ {
		count := map[string]int{}
		for p, pl := range pages {
			seen := map[string]bool{}
			for _, i := range extremes(pl, heights[p]) {
				k := furnitureKey(pl[i].text)
				if !seen[k] {
					seen[k] = true
					count[k]++
				}
			}
		}
		need := max(2, (len(pages)+1)/2)
		for p, pl := range pages {
			drop := map[int]bool{}
			for _, i := range extremes(pl, heights[p]) {
				k := furnitureKey(pl[i].text)
				if rePageLabel.MatchString(k) || (len(pages) >= 2 && count[k] >= need) {
					drop[i] = true
				}
			}
			if len(drop) == 0 {
				continue
			}
			var kept []line
			for i, l := range pl {
				if !drop[i] {
					kept = append(kept, l)
				}
			}
			pages[p] = kept
		}
	}
	return pages
}

// extremes returns the indexes of the top and bottom lines of a page that lie in its
// top or bottom margin zone (an eighth of the page height) and are short.
func extremes(pl []line, height float64) []int {
	if len(pl) == 0 {
		return nil
	}
	if height <= 0 {
		height = 842
	}
	top, bottom := 0, 0
	for i, l := range pl {
		if l.y > pl[top].y {
			top = i
		}
		if l.y < pl[bottom].y {
			bottom = i
		}
	}
	var out []int
	if pl[top].y > height*7/8 && utf8.RuneCountInString(pl[top].text) <= 120 {
		out = append(out, top)
	}
	if bottom != top && pl[bottom].y < height/8 && utf8.RuneCountInString(pl[bottom].text) <= 120 {
		out = append(out, bottom)
	}
	return out
}

// paragraphs joins a page's lines into paragraphs: a break where the vertical gap is
// clearly larger than the page's usual line spacing, where the text moves up (a new
// column), or where the font size changes; a line-end hyphen before a lower-case
// letter is removed and the word joined.
func paragraphs(pl []line) []string {
	if len(pl) == 0 {
		return nil
	}
	var gaps []float64
	for i := 1; i < len(pl); i++ {
		if g := pl[i-1].y - pl[i].y; g > 0 {
			gaps = append(gaps, g)
		}
	}
	typical := 0.0
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		typical = gaps[len(gaps)/4] // the usual line spacing, not skewed by paragraph gaps
	}
	if len(gaps) < 3 {
		// Too few lines to learn the spacing: expect about 1.3 times the font size.
		if guess := 1.3 * pl[0].size; typical == 0 || guess < typical {
			typical = guess
		}
	}
	// right returns the right edge of the column of line i: the farthest line end among
	// the lines starting about where it starts (buckets of 8 points).
	edge := map[int]float64{}
	for _, l := range pl {
		b := int(l.x0 / 8)
		edge[b] = math.Max(edge[b], l.x1)
	}
	right := func(i int) float64 {
		b := int(pl[i].x0 / 8)
		return math.Max(pl[i].x1, math.Max(edge[b], math.Max(edge[b-1], edge[b+1])))
	}
	var out []string
	cur := pl[0].text
	for i := 1; i < len(pl); i++ {
		prev, l := pl[i-1], pl[i]
		gap := prev.y - l.y
		brk := gap <= 0 || (typical > 0 && gap > 1.45*typical) ||
			math.Abs(l.size-prev.size) > 0.2*math.Max(l.size, prev.size)
		if !brk && strings.ContainsAny(lastRune(prev.text), ".!?:") && prev.x1 < right(i-1)-0.25*(right(i-1)-prev.x0) {
			brk = true // a short line ending a sentence ends its paragraph
		}
		if brk {
			out = append(out, cur)
			cur = l.text
			continue
		}
		cur = joinLine(cur, l.text)
	}
	return append(out, cur)
}

func lastRune(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

// joinLine joins the next line of a paragraph, repairing a line-end hyphenation.
func joinLine(cur, next string) string {
	r, _ := utf8.DecodeRuneInString(next)
	if strings.HasSuffix(cur, "\u00AD") {
		return strings.TrimSuffix(cur, "\u00AD") + next
	}
	if strings.HasSuffix(cur, "-") && unicode.IsLower(r) {
		before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(cur, "-"))
		if unicode.IsLetter(before) {
			return strings.TrimSuffix(cur, "-") + next
		}
	}
	return cur + " " + next
}

// isNumber reports a short run of digits (a note number).
func isNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && len(s) <= 3 && strings.Trim(s, "0123456789") == ""
}
