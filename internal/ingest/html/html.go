// Package html extracts the main content of an HTML page as plain text with its title
// and publication date. It drops scripts, styles, navigation, headers and footers,
// asides, forms and link-heavy boilerplate blocks, and prefers <article> and <main>.
// Nesting is bounded: elements deeper than Options.MaxDepth are flattened into their
// ancestor, so hostile input cannot blow the stack or take quadratic time.
package html

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// DefaultMaxDepth is the nesting depth used when Options.MaxDepth is zero.
const DefaultMaxDepth = 200

// Options configures extraction.
type Options struct {
	// MaxDepth bounds the element tree's depth; 0 means DefaultMaxDepth.
	MaxDepth int
}

// Result is what Extract finds in a page.
type Result struct {
	Title string // og:title, else the first <h1>, else <title> without a site suffix
	Date  string // raw publication date from meta tags or <time datetime>, "" if none
	Text  string // main content; paragraphs separated by blank lines
}

type node struct {
	tag      string // "" for a text node
	text     string
	attrs    map[string]string
	parent   *node
	children []*node
	textLen  int // letters and digits in the subtree
	linkLen  int // of which inside <a>
}

// voidTags never have content or an end tag.
var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true,
	"wbr": true, "keygen": true,
}

// blockTags start a new paragraph.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "ul": true, "ol": true, "li": true, "dl": true,
	"dt": true, "dd": true, "table": true, "tr": true, "blockquote": true, "pre": true,
	"figure": true, "figcaption": true, "address": true, "hr": true, "body": true, "center": true,
	"header": true, "footer": true, "details": true, "summary": true, "caption": true,
	"thead": true, "tbody": true, "tfoot": true,
}

// dropTags are never content.
var dropTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"nav": true, "aside": true, "form": true, "button": true, "select": true, "textarea": true,
	"iframe": true, "object": true, "embed": true, "canvas": true, "head": true, "menu": true,
	"dialog": true, "audio": true, "video": true, "map": true,
}

var dropRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "menu": true, "menubar": true, "dialog": true, "alert": true,
}

var (
	reBoiler   = regexp.MustCompile(`(?i)(^|[\s_-])(comments?|share|sharing|social|related|recommended|sidebar|footer|masthead|menu|navbar|nav|breadcrumbs?|cookies?|consent|banner|advert\w*|ads?|promo\w*|newsletter|subscribe|subscription|popup|modal|paywall|sponsor\w*|widget|toolbar|skip-link|print-only|hidden)($|[\s_-])`)
	rePositive = regexp.MustCompile(`(?i)(article|content|main|body|post|entry|story|text|prose)`)
	reSpaces   = regexp.MustCompile(`[ \t\n\r\f\p{Zs}]+`)
)

// Extract reads an HTML page and returns its main content, title and date.
func Extract(r io.Reader, opts Options) (Result, error) {
	maxDepth := opts.MaxDepth
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}
	root, err := build(r, maxDepth)
	if err != nil {
		return Result{}, err
	}
	var res Result
	m := collectMeta(root)
	res.Date = m.date
	measure(root)
	content := chooseRoot(root)
	var w writer
	w.render(content, false, false)
	res.Text = w.String()
	switch {
	case m.ogTitle != "":
		res.Title = m.ogTitle
	case m.h1 != "":
		res.Title = m.h1
	default:
		res.Title = cleanTitle(m.title)
	}
	return res, nil
}

// build tokenizes the page into a tree of bounded depth, closing elements leniently.
func build(r io.Reader, maxDepth int) (*node, error) {
	z := html.NewTokenizer(r)
	root := &node{tag: "#root"}
	cur := root
	depth := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return nil, fmt.Errorf("read html: %w", err)
			}
			return root, nil
		case html.TextToken:
			cur.children = append(cur.children, &node{text: string(z.Text()), parent: cur})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			n := &node{tag: tag}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch key := string(k); key {
				case "id", "class", "role", "property", "name", "content", "datetime", "itemprop", "hidden", "aria-hidden", "pubdate", "style", "start":
					if n.attrs == nil {
						n.attrs = map[string]string{}
					}
					n.attrs[key] = string(v)
				}
			}
			if blockTags[tag] && cur.tag == "p" && tag != "p" || tag == "p" && cur.tag == "p" ||
				tag == "li" && cur.tag == "li" || (tag == "td" || tag == "th") && (cur.tag == "td" || cur.tag == "th") ||
				tag == "tr" && (cur.tag == "td" || cur.tag == "th") {
				if tag == "tr" && cur.parent != nil && cur.parent.tag == "tr" {
					cur = cur.parent
					depth--
				}
				cur = cur.parent
				depth--
			}
			n.parent = cur
			cur.children = append(cur.children, n)
			if tt == html.SelfClosingTagToken || voidTags[tag] {
				continue
			}
			if depth >= maxDepth {
				// Flatten: the element's content stays in cur.
				continue
			}
			cur = n
			depth++
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			for n, d := cur, depth; n != nil && n != root; n, d = n.parent, d-1 {
				if n.tag == tag {
					cur = n.parent
					depth = d - 1
					break
				}
			}
		}
	}
}

// dropped reports whether an element is never content.
func dropped(n *node, inArticle bool) bool {
	if dropTags[n.tag] {
		return true
	}
	if (n.tag == "header" || n.tag == "footer") && !inArticle {
		return true
	}
	if n.tag == "footer" {
		return true
	}
	if n.attrs == nil {
		return false
	}
	if dropRoles[strings.ToLower(n.attrs["role"])] {
		return true
	}
	if _, ok := n.attrs["hidden"]; ok {
		return true
	}
	if strings.EqualFold(n.attrs["aria-hidden"], "true") {
		return true
	}
	if st := strings.ToLower(strings.ReplaceAll(n.attrs["style"], " ", "")); strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
		return true
	}
	cls := n.attrs["class"] + " " + n.attrs["id"]
	if reBoiler.MatchString(cls) && !rePositive.MatchString(cls) && n.tag != "body" && n.tag != "article" && n.tag != "main" {
		return true
	}
	return false
}

// measure computes textLen and linkLen for every node (post-order, bounded depth).
func measure(n *node) {
	if n.tag == "" {
		n.textLen = countAlnum(n.text)
		return
	}
	n.textLen, n.linkLen = 0, 0
	if dropTags[n.tag] {
		return
	}
	for _, c := range n.children {
		measure(c)
		n.textLen += c.textLen
		if n.tag == "a" {
			n.linkLen += c.textLen
		} else {
			n.linkLen += c.linkLen
		}
	}
}

func countAlnum(s string) int {
	k := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			k++
		}
	}
	return k
}

// chooseRoot picks the subtree holding the main content: the longest <article>, else
// <main> or role=main, else <body>, else the whole document.
func chooseRoot(root *node) *node {
	var best, main, body *node
	var walk func(n *node)
	walk = func(n *node) {
		if n.tag == "" || dropTags[n.tag] {
			return
		}
		switch {
		case n.tag == "article" || strings.EqualFold(attr(n, "itemprop"), "articleBody"):
			if best == nil || n.textLen > best.textLen {
				best = n
			}
		case n.tag == "main" || strings.EqualFold(attr(n, "role"), "main"):
			if main == nil || n.textLen > main.textLen {
				main = n
			}
		case n.tag == "body" && body == nil:
			body = n
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(root)
	switch {
	case best != nil && best.textLen >= 200:
		return best
	case main != nil && main.textLen >= 100:
		return main
	case best != nil && best.textLen > 0:
		return best
	case main != nil && main.textLen > 0:
		return main
	case body != nil:
		return body
	}
	return root
}

func attr(n *node, k string) string {
	if n.attrs == nil {
		return ""
	}
	return n.attrs[k]
}

// writer renders text with paragraph breaks.
type writer struct {
	b       strings.Builder
	pending int  // 0 none, 1 space, 2 tab, 3 newline, 4 blank line
	keep    bool // the pending break is fixed until the next write (after a list label)
}

func (w *writer) brk(k int) {
	if k > w.pending && !w.keep {
		w.pending = k
	}
}

// glue drops a pending space: the next write hugs the text before it.
func (w *writer) glue() {
	if w.pending == 1 {
		w.pending = 0
	}
}

func (w *writer) write(s string) {
	if s == "" {
		return
	}
	if w.b.Len() > 0 {
		switch w.pending {
		case 1:
			w.b.WriteByte(' ')
		case 2:
			w.b.WriteByte('\t')
		case 3:
			w.b.WriteByte('\n')
		case 4:
			w.b.WriteString("\n\n")
		}
	}
	w.pending = 0
	w.keep = false
	w.b.WriteString(s)
}

func (w *writer) String() string { return w.b.String() }

// render writes the text of n. pre keeps whitespace; inArticle softens header rules.
func (w *writer) render(n *node, pre, inArticle bool) {
	if n.tag == "" {
		if pre {
			lines := strings.Split(n.text, "\n")
			for i, ln := range lines {
				if i > 0 {
					w.brk(3)
				}
				w.write(strings.TrimRight(ln, " \t\r"))
			}
			return
		}
		t := n.text
		lead := t != "" && isSpace(t[0])
		trail := t != "" && isSpace(t[len(t)-1])
		t = strings.TrimSpace(reSpaces.ReplaceAllString(t, " "))
		if t == "" {
			if lead || trail {
				w.brk(1)
			}
			return
		}
		if lead {
			w.brk(1)
		}
		w.write(t)
		if trail {
			w.brk(1)
		}
		return
	}
	if dropped(n, inArticle) {
		return
	}
	if n.tag == "article" || n.tag == "main" {
		inArticle = true
	}
	block := blockTags[n.tag]
	inOrdered := n.tag == "ol" || (n.tag == "li" && n.parent != nil && n.parent.tag == "ol")
	if block && n.tag != "body" && n.textLen > 0 && n.linkLen*2 > n.textLen && n.tag != "h1" && !inOrdered {
		return // link-heavy block: navigation or a list of related links (notes lists are kept)
	}
	switch n.tag {
	case "sup":
		// A superscript number is a note marker: "[n]".
		if t := plain(n); t != "" && len(t) <= 3 && strings.Trim(t, "0123456789") == "" {
			w.glue()
			w.write("[" + t + "]")
			return
		}
	case "ol":
		w.brk(4)
		k := 1
		if v, err := strconv.Atoi(strings.TrimSpace(attr(n, "start"))); err == nil && v >= 0 && v < 1e6 {
			k = v
		}
		for _, c := range n.children {
			if c.tag == "li" && !dropped(c, inArticle) {
				w.keep = false
				w.brk(3)
				w.write(strconv.Itoa(k) + ".")
				w.pending = 1
				w.keep = true
				k++
			}
			w.render(c, pre, inArticle)
		}
		w.brk(4)
		return
	case "br":
		w.brk(3)
		return
	case "td", "th":
		w.brk(2)
	case "li", "tr", "dt", "dd":
		w.brk(3)
	case "img":
		return
	}
	if block && n.tag != "tr" && n.tag != "li" && n.tag != "dt" && n.tag != "dd" {
		w.brk(4)
	}
	isPre := pre || n.tag == "pre" || n.tag == "textarea"
	for _, c := range n.children {
		w.render(c, isPre, inArticle)
	}
	switch {
	case n.tag == "tr" || n.tag == "li" || n.tag == "dt" || n.tag == "dd":
		w.brk(3)
	case block:
		w.brk(4)
	}
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

type pageMeta struct {
	title, ogTitle, h1, date string
}

var dateMetaNames = map[string]int{
	"article:published_time": 1, "og:published_time": 2, "og:article:published_time": 2,
	"datepublished": 2, "date": 3, "dc.date": 3, "dc.date.issued": 3, "dcterms.date": 3,
	"dcterms.issued": 3, "dcterms.created": 4, "pubdate": 3, "publishdate": 3,
	"publish-date": 3, "publication_date": 3, "citation_publication_date": 3,
	"citation_date": 4, "sailthru.date": 4, "parsely-pub-date": 4, "article.published": 3,
	"og:updated_time": 6, "article:modified_time": 6, "dc.date.created": 4,
}

// collectMeta reads <title>, og:title, the first <h1> and the best date.
func collectMeta(root *node) pageMeta {
	var m pageMeta
	bestRank := 100
	timeDate := ""
	var walk func(n *node)
	walk = func(n *node) {
		switch n.tag {
		case "":
			return
		case "title":
			if m.title == "" {
				m.title = plain(n)
			}
			return
		case "meta":
			key := strings.ToLower(attr(n, "property"))
			if key == "" {
				key = strings.ToLower(attr(n, "name"))
			}
			if key == "" {
				key = strings.ToLower(attr(n, "itemprop"))
			}
			content := strings.TrimSpace(attr(n, "content"))
			if content == "" {
				return
			}
			if key == "og:title" && m.ogTitle == "" {
				m.ogTitle = strings.TrimSpace(reSpaces.ReplaceAllString(content, " "))
			}
			if r, ok := dateMetaNames[key]; ok && r < bestRank {
				bestRank, m.date = r, content
			}
			return
		case "time":
			if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
				_, pub := n.attrs["pubdate"]
				if timeDate == "" || pub || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					if bestRank > 5 {
						bestRank, m.date = 5, dt
					}
					timeDate = dt
				}
			}
		case "h1":
			if m.h1 == "" && !dropTags[n.tag] {
				m.h1 = plain(n)
			}
		case "script", "style", "svg", "template":
			return
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(root)
	if m.date == "" {
		m.date = timeDate
	}
	return m
}

// plain returns the whitespace-collapsed text of a subtree.
func plain(n *node) string {
	var b strings.Builder
	var walk func(n *node)
	walk = func(n *node) {
		if n.tag == "" {
			b.WriteString(n.text)
			b.WriteByte(' ')
			return
		}
		if n.tag == "script" || n.tag == "style" {
			return
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(reSpaces.ReplaceAllString(b.String(), " "))
}

var reTitleSuffix = regexp.MustCompile(`\s+[|–—·:-]\s+[^|–—·:-]{1,40}$`)

// cleanTitle drops a trailing " | Site name" from a <title>.
func cleanTitle(t string) string {
	if c := reTitleSuffix.ReplaceAllString(t, ""); len(c) >= 10 {
		return c
	}
	return t
}
