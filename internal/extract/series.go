package extract

import (
	"strconv"
	"strings"

	"dossier"
)

// seriesSpans returns the byte ranges where the series name occurs in src, matched
// without regard to ASCII case, as [start, end) pairs.
func seriesSpans(src, series string) [][2]int {
	series = strings.TrimSpace(series)
	if series == "" {
		return nil
	}
	low, key := strings.ToLower(src), strings.ToLower(series)
	if len(low) != len(src) || len(key) != len(series) {
		// Case folding changed byte lengths: fall back to an exact match.
		low, key = src, series
	}
	var out [][2]int
	for from := 0; from < len(low); {
		k := strings.Index(low[from:], key)
		if k < 0 {
			break
		}
		out = append(out, [2]int{from + k, from + k + len(key)})
		from += k + len(key)
	}
	return out
}

// dropSeries removes the entities whose mentions all fall inside occurrences of the
// document's series or byline name ("Levant Notes"), and renumbers the rest.
func dropSeries(src string, ents []dossier.Entity, series string) []dossier.Entity {
	spans := seriesSpans(src, series)
	if len(spans) == 0 {
		return ents
	}
	inside := func(m dossier.Mention) bool {
		for _, s := range spans {
			if m.Start >= s[0] && m.End <= s[1] {
				return true
			}
		}
		return false
	}
	out := ents[:0]
	for _, e := range ents {
		all := len(e.Mentions) > 0
		for _, m := range e.Mentions {
			if !inside(m) {
				all = false
				break
			}
		}
		if !all {
			out = append(out, e)
		}
	}
	if len(out) == len(ents) {
		return ents
	}
	for i := range out {
		out[i].ID = "e" + strconv.Itoa(i+1)
	}
	return out
}

// compound reports whether c is the first half of a hyphenated compound ("Iran" in
// "Iran-backed"): its span ends inside its last token.
func (c *entCand) compound(s *nerSent) bool {
	return c.j > 0 && c.j <= len(s.Tokens) && c.end < s.Tokens[c.j-1].End
}
