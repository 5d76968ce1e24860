package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

// BenchmarkPages measures the server time of each page of the UI on a stored corpus
// (issue 6: every page under 200 ms at the 99th percentile on 10,000 documents). It opens
// the store at $DOSSIER_BENCH_DB (skipped when unset), and for each page issues the API
// requests that the page's script (web/src/views) makes, over a spread of entities (top
// by degree, median, tail) and documents (latest, middle, oldest). A page's time is the
// sum of its requests' times. It reports p50 and p99 per page, in milliseconds:
//
//	go build -o /tmp/d ./cmd/dossier && /tmp/d gen --n 10000 --out /tmp/g10k &&
//	/tmp/d --db /tmp/g10k.db ingest /tmp/g10k
//	DOSSIER_BENCH_DB=/tmp/g10k.db go test ./internal/web -run '^$' -bench Pages -benchtime 3x
func BenchmarkPages(b *testing.B) {
	path := os.Getenv("DOSSIER_BENCH_DB")
	if path == "" {
		b.Skip("DOSSIER_BENCH_DB is unset: no corpus to measure")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatalf("open %s: %v", path, err)
	}
	defer st.Close()
	h := New(st, Options{})
	pages := benchPages(b, h)
	// One warm-up round: the lexicon loads and the database pages come into the cache.
	for _, p := range pages {
		p.run(b, h, map[string]time.Duration{})
	}
	times := map[string][]time.Duration{}
	slowest := map[string]time.Duration{} // per request, the longest time seen
	var names []string
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			if times[p.name] == nil {
				names = append(names, p.name)
			}
			times[p.name] = append(times[p.name], p.run(b, h, slowest))
		}
	}
	b.StopTimer()
	urls := make([]string, 0, len(slowest))
	for u := range slowest {
		urls = append(urls, u)
	}
	sort.Slice(urls, func(i, j int) bool { return slowest[urls[i]] > slowest[urls[j]] })
	for _, u := range urls[:min(len(urls), 8)] {
		b.Logf("slow request %8.1f ms  %s", ms(slowest[u]), u)
	}
	worst := time.Duration(0)
	for _, name := range names {
		ds := times[name]
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		p50, p99 := quantile(ds, 0.50), quantile(ds, 0.99)
		worst = max(worst, p99)
		b.ReportMetric(ms(p50), name+"-p50-ms")
		b.ReportMetric(ms(p99), name+"-p99-ms")
		b.Logf("%-16s n=%-4d p50 %8.1f ms   p99 %8.1f ms   max %8.1f ms", name, len(ds), ms(p50), ms(p99), ms(ds[len(ds)-1]))
	}
	b.ReportMetric(ms(worst), "worst-p99-ms")
}

// quantile returns the q-quantile of sorted durations (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// benchPage is one page view: the API requests its script makes.
type benchPage struct {
	name string
	urls []string
}

// run issues the page's requests one after the other and returns their total time,
// keeping in slowest the longest time of each request.
func (p benchPage) run(b *testing.B, h http.Handler, slowest map[string]time.Duration) time.Duration {
	var total time.Duration
	for _, u := range p.urls {
		req := httptest.NewRequest(http.MethodGet, u, nil)
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		d := time.Since(start)
		total += d
		slowest[u] = max(slowest[u], d)
		if rec.Code != http.StatusOK {
			b.Fatalf("page %s: GET %s = %d %s", p.name, u, rec.Code, strings.TrimSpace(rec.Body.String()))
		}
	}
	return total
}

// benchGet fetches one API answer into v, failing the benchmark on any error.
func benchGet(b *testing.B, h http.Handler, u string, v any) {
	b.Helper()
	req := httptest.NewRequest(http.MethodGet, u, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("GET %s = %d %s", u, rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		b.Fatalf("GET %s: %v", u, err)
	}
}

// spread returns up to k offsets at the start, middle and end of n items.
func spread(n, k int) []int {
	var out []int
	seen := map[int]bool{}
	for _, base := range []int{0, n / 2, n - k} {
		for i := 0; i < k; i++ {
			o := base + i
			if o >= 0 && o < n && !seen[o] {
				seen[o] = true
				out = append(out, o)
			}
		}
	}
	return out
}

// benchPages lists the page views to measure, mirroring web/src/views.
func benchPages(b *testing.B, h http.Handler) []benchPage {
	b.Helper()
	var stats store.Stats
	benchGet(b, h, "/api/stats", &stats)
	if stats.Documents == 0 || stats.Entities == 0 {
		b.Fatalf("the store at $DOSSIER_BENCH_DB is empty")
	}
	const k = 5
	var pages []benchPage
	add := func(name string, urls ...string) { pages = append(pages, benchPage{name, urls}) }

	// overview.js
	add("overview", "/api/stats", "/api/documents?limit=10", "/api/entities?order=degree&limit=12", "/api/audit?limit=10")

	// document.js: the list, and the reader of documents from the latest to the oldest.
	var docIDs []string
	for _, off := range spread(stats.Documents, k) {
		add("documents", "/api/documents?limit=50&offset="+strconv.Itoa(off/50*50))
		var ds []store.DocSummary
		benchGet(b, h, "/api/documents?limit=1&offset="+strconv.Itoa(off), &ds)
		for _, d := range ds {
			docIDs = append(docIDs, d.ID)
		}
	}
	for _, id := range docIDs {
		p := url.PathEscape(id)
		add("document", "/api/documents/"+p, "/api/documents/"+p+"/extraction")
	}

	// entity.js: the list in each order, and entity pages from the most connected
	// entity to the least.
	for _, order := range []string{"mentions", "degree", "docs", "name"} {
		for _, off := range spread(stats.Entities, 2) {
			add("entities", fmt.Sprintf("/api/entities?order=%s&limit=50&offset=%d", order, off/50*50))
		}
	}
	add("entities", "/api/entities?type=PERSON&order=mentions&limit=50", "/api/entities?prefix=a&order=mentions&limit=50")
	var ents []store.EntitySummary
	for _, off := range spread(stats.Entities, k) {
		var es []store.EntitySummary
		benchGet(b, h, fmt.Sprintf("/api/entities?order=degree&limit=1&offset=%d", off), &es)
		ents = append(ents, es...)
	}
	for _, e := range ents {
		id := strconv.FormatInt(e.ID, 10)
		add("entity", "/api/entities/"+id, "/api/claims/"+id, "/api/audit?target=entity:"+id+"&limit=20")
	}

	// graph.js: the default view, a view centered on each entity, a click on a node
	// (expand) and on an edge (evidence), and the path finder.
	add("graph", "/api/graph?limit=150")
	for _, e := range ents {
		id := strconv.FormatInt(e.ID, 10)
		add("graph", "/api/graph?center="+id+"&limit=150")
		add("graph-expand", "/api/graph?center="+id+"&depth=1&limit=60")
		var g store.Graph
		benchGet(b, h, "/api/graph?center="+id+"&limit=150", &g)
		for i, ed := range g.Edges {
			if i >= 3 {
				break
			}
			add("edge", fmt.Sprintf("/api/edges?source=%d&target=%d&type=%s", ed.Source, ed.Target, ed.Type))
		}
	}
	for i := 0; i+1 < len(ents); i += 2 {
		add("path", fmt.Sprintf("/api/path?from=%d&to=%d", ents[i].ID, ents[len(ents)-1-i].ID))
	}

	// timeline.js: the whole corpus, its later pages, and each entity's.
	actors := "/api/entities?order=degree&limit=100"
	add("timeline", "/api/timeline?limit=100", actors)
	add("timeline", "/api/timeline?limit=100&offset=1000", actors)
	for _, e := range ents {
		add("timeline", fmt.Sprintf("/api/timeline?entity=%d&limit=100", e.ID), actors)
	}

	// map.js
	add("map", "/api/places?limit=1000", "/api/timeline?limit=1000")

	// search.js: entity names and words of document titles.
	var terms []string
	for _, e := range ents {
		terms = append(terms, e.Name)
	}
	for _, id := range docIDs {
		var d struct {
			Title string `json:"title"`
		}
		benchGet(b, h, "/api/documents/"+url.PathEscape(id), &d)
		if f := strings.Fields(d.Title); len(f) > 0 {
			terms = append(terms, strings.Trim(f[len(f)-1], ".,:;"))
		}
	}
	for _, t := range terms {
		if t != "" {
			add("search", "/api/search?limit=50&q="+url.QueryEscape(t))
		}
	}
	return pages
}
