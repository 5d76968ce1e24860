package sqlite_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/internal/gen"
	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

// The benchmarks of issue 5 run on a generated corpus (internal/gen) whose facts are
// turned into extractions here, as an ideal extractor would produce them, so that they
// measure the store alone. Building the 10,000-document store takes a while: it happens
// only under -bench, once per run, in a temporary directory (DOSSIER_BENCH_DOCS changes
// the size).

// fromGen turns a generated document into a document and its extraction.
func fromGen(d gen.Doc) (*dossier.Document, *dossier.Extraction) {
	sum := sha256.Sum256([]byte(d.Text))
	title, _, _ := strings.Cut(d.Text, "\n")
	doc := &dossier.Document{ID: "sha256:" + hex.EncodeToString(sum[:]), Title: title, Date: d.Date,
		Source: d.Name, Lang: "en", Format: "txt", Size: int64(len(d.Text)), Text: d.Text}
	ex := &dossier.Extraction{}
	ids := map[string]string{}
	entity := func(name string, typ dossier.EntityType) string {
		if id, ok := ids[name]; ok {
			return id
		}
		id := "e" + strconv.Itoa(len(ids)+1)
		ids[name] = id
		e := dossier.Entity{ID: id, Name: name, Type: typ}
		for off := 0; len(e.Mentions) < 20; {
			i := strings.Index(d.Text[off:], name)
			if i < 0 {
				break
			}
			e.Mentions = append(e.Mentions, dossier.Mention{Span: dossier.SpanOf(d.Text, off+i, off+i+len(name)), Form: dossier.FormName})
			off += i + len(name)
		}
		ex.Entities = append(ex.Entities, e)
		return id
	}
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	for i, f := range d.Facts {
		at := strings.Index(d.Text, f.Evidence)
		if at < 0 || f.Source == "" || f.Target == "" {
			continue
		}
		r := dossier.Relation{ID: "r" + strconv.Itoa(i+1), Type: f.Type, Subtype: opt(f.Subtype),
			Source: entity(f.Source, f.SourceType), Target: entity(f.Target, f.TargetType), Role: opt(f.Role),
			Date: opt(f.Date), Quantity: opt(f.Quantity), Hedged: f.Hedged, Negated: f.Negated, Confidence: 0.7,
			Evidence: dossier.SpanOf(d.Text, at, at+len(f.Evidence))}
		if f.Place != "" {
			p := entity(f.Place, dossier.Location)
			r.Place = &p
		}
		if f.AttributedTo != "" {
			if id, ok := ids[f.AttributedTo]; ok {
				r.AttributedTo = &id
			} else {
				r.AttributedTo = opt(f.AttributedTo)
			}
		}
		ex.Relations = append(ex.Relations, r)
	}
	return doc, ex
}

func benchDocs() int {
	if n, err := strconv.Atoi(os.Getenv("DOSSIER_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 10000
}

// BenchmarkIngest measures PutDocument of generated documents (300 to 1,500 words) into
// a fresh store, extraction excluded.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	g := gen.New()
	type pair struct {
		d  *dossier.Document
		ex *dossier.Extraction
	}
	docs := make([]pair, b.N)
	for i := range docs {
		d, ex := fromGen(g.Doc(1, i))
		docs[i] = pair{d, ex}
	}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := s.PutDocument(ctx, docs[i].d, docs[i].ex, "bench"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "docs/s")
}

// BenchmarkQueries builds a store of 10,000 generated documents and measures the queries
// of issue 5, reporting p50 and p99 latencies in milliseconds.
func BenchmarkQueries(b *testing.B) {
	ctx := context.Background()
	n := benchDocs()
	// DOSSIER_BENCH_DB keeps the built store at a path of your choice and reuses it on
	// the next run.
	path := os.Getenv("DOSSIER_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	g := gen.New()
	start := time.Now()
	for i := 0; i < n; i++ {
		d, ex := fromGen(g.Doc(2, i))
		if ok, err := s.HasDocument(ctx, d.ID); err != nil || ok {
			continue
		}
		if _, err := s.PutDocument(ctx, d, ex, "bench"); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("stored %d documents in %v (%.0f docs/s)", n, time.Since(start).Round(time.Millisecond), float64(n)/time.Since(start).Seconds())
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("stats: %d entities, %d mentions, %d relations, %d edges", st.Entities, st.Mentions, st.Relations, st.Edges)
	// Entities are picked with the popularity they have in the documents: hubs are
	// asked about as often as they appear, so p99 covers them.
	ents, err := s.Entities(ctx, store.EntityQuery{Limit: 5000, OrderBy: "degree"})
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	var cum []int
	total := 0
	for _, e := range ents {
		total += e.Degree + 1
		cum = append(cum, total)
	}
	pick := func() int64 {
		x := r.IntN(total)
		return ents[sort.SearchInts(cum, x+1)].ID
	}
	words := strings.Fields(gen.Words(5, 400))
	run := func(name string, q func() error) {
		b.Run(name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				t := time.Now()
				if err := q(); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t))
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			pct := func(p float64) float64 {
				return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
		})
	}
	run("profile", func() error {
		_, err := s.Profile(ctx, pick(), store.TimeFilter{})
		return err
	})
	run("neighborhood-2hop", func() error {
		_, err := s.Graph(ctx, store.GraphQuery{Center: []int64{pick()}, Depth: 2})
		return err
	})
	run("path", func() error {
		a, c := pick(), pick()
		if a == c {
			return nil
		}
		_, err := s.Path(ctx, a, c, 4, store.TimeFilter{})
		return err
	})
	run("search", func() error {
		w := strings.Trim(words[r.IntN(len(words))], ".,;:'\"()")
		if w == "" {
			return nil
		}
		_, err := s.Search(ctx, w, 20)
		if err != nil {
			return fmt.Errorf("search %q: %w", w, err)
		}
		return nil
	})
	run("claims", func() error {
		_, err := s.Claims(ctx, pick(), store.TimeFilter{})
		return err
	})
	run("timeline", func() error {
		_, err := s.Timeline(ctx, store.TimelineQuery{Entity: pick(), Limit: 100})
		return err
	})
}
