// Package markdown turns Markdown into plain prose: headings lose their #, emphasis and
// inline code lose their marks, links and images become their text, tables become
// tab-separated rows, code blocks are kept as text, and a front matter block (--- ... ---
// or +++ ... +++) is read as metadata. Footnote references [^1] become [1] and footnote
// definitions become numbered notes, so that the notes reader finds them.
package markdown

import (
	"regexp"
	"strconv"
	"strings"
)

// Result is the prose and metadata of a Markdown document.
type Result struct {
	Title  string // front matter title, else the first level-1 heading
	Date   string // front matter date, raw
	Series string // front matter series
	Text   string
}

var (
	reHeading    = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	reSetext     = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	reRule       = regexp.MustCompile(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	reFence      = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	reQuote      = regexp.MustCompile(`^ {0,3}>[ \t]?`)
	reBullet     = regexp.MustCompile(`^([ \t]*)[-*+][ \t]+(\[[ xX]\][ \t]+)?`)
	reLinkDef    = regexp.MustCompile(`^ {0,3}\[[^\]^][^\]]*\]:\s*\S+.*$`)
	reNoteDef    = regexp.MustCompile(`^ {0,3}\[\^([^\]\s]+)\]:[ \t]*`)
	reTableSep   = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$`)
	reImage      = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	reLink       = regexp.MustCompile(`\[([^\]^][^\]]*)\]\((?:[^()]|\([^)]*\))*\)`)
	reRefLink    = regexp.MustCompile(`\[([^\]^][^\]]*)\]\[[^\]]*\]`)
	reAutoLink   = regexp.MustCompile(`<((?:https?|mailto|ftp):[^>\s]+)>`)
	reNoteRef    = regexp.MustCompile(`\[\^([^\]\s]+)\]`)
	reCode       = regexp.MustCompile("`+([^`]+?)`+")
	reStrong     = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	reEmStar     = regexp.MustCompile(`\*(\S(?:[^*]*?\S)?)\*`)
	reEmUnder    = regexp.MustCompile(`(^|[^\p{L}\p{N}_])_(\S(?:[^_]*?\S)?)_($|[^\p{L}\p{N}_])`)
	reStrike     = regexp.MustCompile(`~~(\S(?:.*?\S)?)~~`)
	reEscape     = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~])")
	reInlineHTML = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>`)
)

// Extract converts Markdown source to prose and metadata.
func Extract(src string) Result {
	var res Result
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	body, fm := frontMatter(src)
	res.Title, res.Date, res.Series = fm["title"], fm["date"], fm["series"]
	lines := strings.Split(body, "\n")
	out := make([]string, 0, len(lines))
	fence := ""
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(ln), fence) {
				fence = ""
				continue
			}
			out = append(out, ln)
			continue
		}
		if m := reFence.FindStringSubmatch(ln); m != nil {
			fence = m[1]
			continue
		}
		for reQuote.MatchString(ln) {
			ln = reQuote.ReplaceAllString(ln, "")
		}
		if reLinkDef.MatchString(ln) {
			continue
		}
		if m := reHeading.FindStringSubmatch(ln); m != nil {
			h := inline(m[2])
			if len(m[1]) == 1 && res.Title == "" {
				res.Title = strings.TrimSpace(h)
			}
			out = append(out, "", h, "")
			continue
		}
		// Setext heading: a text line followed by === or ---.
		if i+1 < len(lines) && strings.TrimSpace(ln) != "" && reSetext.MatchString(lines[i+1]) && !reBullet.MatchString(ln) {
			h := inline(strings.TrimSpace(ln))
			if strings.HasPrefix(strings.TrimSpace(lines[i+1]), "=") && res.Title == "" {
				res.Title = h
			}
			out = append(out, "", h, "")
			i++
			continue
		}
		if reRule.MatchString(ln) {
			out = append(out, "")
			continue
		}
		if reTableSep.MatchString(ln) && strings.Contains(ln, "-") && strings.Contains(ln, "|") {
			continue
		}
		if m := reNoteDef.FindStringSubmatch(ln); m != nil {
			ln = m[1] + ". " + ln[len(m[0]):]
		}
		ln = reBullet.ReplaceAllString(ln, "$1")
		if t := strings.TrimSpace(ln); strings.HasPrefix(t, "|") || (strings.Count(t, "|") >= 2 && !strings.Contains(t, "`")) {
			ln = tableRow(t)
		}
		out = append(out, inline(ln))
	}
	res.Text = collapseBlank(strings.Join(out, "\n"))
	return res
}

// escBase is where escaped ASCII punctuation is parked while inline markup is removed.
const escBase = 0xE000

// inline strips inline markup from one line.
func inline(s string) string {
	if s == "" {
		return s
	}
	// Protect code spans first: their content is kept verbatim.
	var codes []string
	s = reCode.ReplaceAllStringFunc(s, func(m string) string {
		codes = append(codes, strings.Trim(m, "`"))
		return "\x00" + strconv.Itoa(len(codes)-1) + "\x00"
	})
	// Escaped characters are parked in the private use area until the end.
	s = reEscape.ReplaceAllStringFunc(s, func(m string) string { return string(rune(escBase + int(m[1]))) })
	s = reImage.ReplaceAllString(s, "$1")
	s = reLink.ReplaceAllString(s, "$1")
	s = reRefLink.ReplaceAllString(s, "$1")
	s = reAutoLink.ReplaceAllString(s, "$1")
	s = reNoteRef.ReplaceAllString(s, "[$1]")
	s = reStrong.ReplaceAllString(s, "$2")
	s = reStrike.ReplaceAllString(s, "$1")
	s = reEmStar.ReplaceAllString(s, "$1")
	s = reEmUnder.ReplaceAllString(s, "$1$2$3")
	s = reInlineHTML.ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		if r >= escBase && r < escBase+0x80 {
			return r - escBase
		}
		return r
	}, s)
	for i, c := range codes {
		s = strings.Replace(s, "\x00"+strconv.Itoa(i)+"\x00", c, 1)
	}
	return strings.ReplaceAll(s, "\x00", "")
}

// tableRow turns "| a | b |" into "a\tb".
func tableRow(t string) string {
	t = strings.TrimSpace(strings.Trim(strings.TrimSpace(t), "|"))
	cells := strings.Split(t, "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return strings.Join(cells, "\t")
}

// frontMatter splits a leading YAML (---) or TOML (+++) block of "key: value" pairs.
func frontMatter(src string) (string, map[string]string) {
	fm := map[string]string{}
	var delim, sep string
	switch {
	case strings.HasPrefix(src, "---\n"):
		delim, sep = "---", ":"
	case strings.HasPrefix(src, "+++\n"):
		delim, sep = "+++", "="
	default:
		return src, fm
	}
	rest := src[len(delim)+1:]
	end := -1
	for off := 0; off < len(rest); {
		ln, _, _ := strings.Cut(rest[off:], "\n")
		if t := strings.TrimRight(ln, " \t"); t == delim || (delim == "---" && t == "...") {
			end = off
			break
		}
		off += len(ln) + 1
	}
	if end < 0 {
		return src, fm
	}
	for _, ln := range strings.Split(rest[:end], "\n") {
		k, v, ok := strings.Cut(ln, sep)
		if !ok || strings.HasPrefix(ln, " ") || strings.HasPrefix(ln, "\t") {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		if _, seen := fm[k]; !seen && v != "" {
			fm[k] = v
		}
	}
	after := rest[end:]
	_, after, _ = strings.Cut(after, "\n")
	return after, fm
}

// collapseBlank trims trailing spaces and keeps at most one blank line in a row.
func collapseBlank(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := true
	for _, ln := range lines {
		ln = strings.TrimRight(ln, " \t")
		if ln == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, ln)
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n") + "\n"
}
