package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier"
	"dossier/internal/store"
)

// corpusStore returns a store holding the corpus as extracted, with nothing set by hand.
func corpusStore(t testing.TB) *store.Store {
	t.Helper()
	st := openStore(t)
	for _, d := range corpus(t) {
		if _, err := st.PutDocument(context.Background(), &d.d, &d.ex, "test/1"); err != nil {
			t.Fatalf("PutDocument(%s): %v", d.d.Title, err)
		}
	}
	return st
}

func stixOf(t *testing.T, st *store.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), st, &buf, "stix", Selection{}); err != nil {
		t.Fatalf("Write(stix): %v", err)
	}
	return buf.Bytes()
}

func countDocs(t *testing.T, st *store.Store) int {
	t.Helper()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Documents
}

func TestSTIXRoundTrip(t *testing.T) {
	ctx := context.Background()
	first := stixOf(t, corpusStore(t))
	empty := openStore(t)
	res, err := ImportSTIX(ctx, empty, bytes.NewReader(first), "analyst")
	if err != nil {
		t.Fatalf("ImportSTIX: %v", err)
	}
	if res.Documents != 3 || res.Existing != 0 || len(res.Skipped) != 0 {
		t.Errorf("ImportSTIX = %+v, want 3 new documents, nothing skipped", res)
	}
	if res.Objects != strings.Count(string(first), "\n")-2 {
		t.Errorf("ImportSTIX read %d objects, the bundle has %d lines of objects", res.Objects, strings.Count(string(first), "\n")-2)
	}
	if res.Derived != res.Objects-3 {
		t.Errorf("ImportSTIX derived %d objects, want all but the 3 reports (%d)", res.Derived, res.Objects-3)
	}
	second := stixOf(t, empty)
	if !bytes.Equal(first, second) {
		a, b := objectsByID(t, first), objectsByID(t, second)
		for id, o := range a {
			if b[id] != o {
				t.Errorf("after the round trip, %s differs:\n%s\n%s", id, o, b[id])
			}
		}
		for id := range b {
			if _, ok := a[id]; !ok {
				t.Errorf("after the round trip, %s is new", id)
			}
		}
	}
	// Importing again changes nothing.
	res, err = ImportSTIX(ctx, empty, bytes.NewReader(first), "analyst")
	if err != nil || res.Documents != 0 || res.Existing != 3 {
		t.Errorf("second ImportSTIX = %+v, %v; want 3 existing documents", res, err)
	}
	// Who imported what is on record.
	entries, err := empty.Audit(ctx, store.AuditQuery{Actor: "analyst"})
	if err != nil || len(entries) != 3 {
		t.Errorf("audit of the import: %d entries (%v), want 3", len(entries), err)
	}
}

func objectsByID(t *testing.T, data []byte) map[string]string {
	t.Helper()
	var b struct {
		Objects []json.RawMessage `json:"objects"`
	}
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, o := range b.Objects {
		var h struct{ ID string }
		json.Unmarshal(o, &h)
		out[h.ID] = string(o)
	}
	return out
}

// onlyReader hides every method but Read, so that import must spool its input.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func TestSTIXImportUnseekable(t *testing.T) {
	data := stixOf(t, corpusStore(t))
	st := openStore(t)
	res, err := ImportSTIX(context.Background(), st, onlyReader{bytes.NewReader(data)}, "")
	if err != nil || res.Documents != 3 {
		t.Fatalf("ImportSTIX(stream) = %+v, %v; want 3 documents", res, err)
	}
	if !bytes.Equal(stixOf(t, st), data) {
		t.Errorf("import from a stream differs from the original")
	}
	// An *os.File that cannot seek, as standard input from a pipe.
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() { pw.Write(data); pw.Close() }()
	defer pr.Close()
	st = openStore(t)
	if res, err := ImportSTIX(context.Background(), st, pr, ""); err != nil || res.Documents != 3 {
		t.Errorf("ImportSTIX(pipe) = %+v, %v; want 3 documents", res, err)
	}
}

const bundleHead = `{"type":"bundle","id":"bundle--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e4f","objects":[`

func TestSTIXImportBadInput(t *testing.T) {
	good := stixOf(t, corpusStore(t))
	// A copy whose last report has a mention that does not match the text: the first
	// two documents are valid, but nothing may be stored.
	i := bytes.LastIndex(good, []byte(`"text":"Nikolai Patrushev","form"`))
	if i < 0 {
		t.Fatal("no mention to break")
	}
	broken := append(append(append([]byte{}, good[:i]...), []byte(`"text":"Nikolai Patrushex","form"`)...), good[i+len(`"text":"Nikolai Patrushev","form"`):]...)
	tests := []struct {
		name, input string
		want        string // in the error message
	}{
		{"not JSON", `hello`, "not JSON"},
		{"an array", `[1, 2]`, "not a STIX bundle"},
		{"not a bundle", `{"type":"report","id":"report--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e4f"}`, "not a STIX bundle"},
		{"truncated", bundleHead + `{"type":"identity","id":"identity--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e40"`, "object 0"},
		{"no id", bundleHead + `{"type":"identity","name":"x"}]}`, "object 0 (type identity): no id"},
		{"no type", bundleHead + `{"type":"identity","id":"identity--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e40"},{"id":"note--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e41"}]}`,
			"object 1 (note--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e41): no type"},
		{"bad id", bundleHead + `{"type":"identity","id":"identity-12"}]}`, `id "identity-12" is not a STIX identifier`},
		{"type against id", bundleHead + `{"type":"note","id":"identity--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e40"}]}`, "does not match its id"},
		{"not an object", bundleHead + `42]}`, "object 0"},
		{"trailing data", bundleHead + `]} {}`, "data after the bundle"},
		{"bad document", string(broken), "Patrushex"},
	}
	for _, tc := range tests {
		st := openStore(t)
		_, err := ImportSTIX(context.Background(), st, strings.NewReader(tc.input), "analyst")
		if !errors.Is(err, dossier.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: ImportSTIX = %v, want ErrInvalid saying %q", tc.name, err, tc.want)
		}
		if n := countDocs(t, st); n != 0 {
			t.Errorf("%s: %d documents stored from a bad bundle, want none", tc.name, n)
		}
	}
}

func TestSTIXImportSkipsUnknownTypes(t *testing.T) {
	in := bundleHead +
		`{"type":"x-custom-thing","id":"x-custom-thing--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e40"},` +
		`{"type":"x-custom-thing","id":"x-custom-thing--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e41"},` +
		`{"type":"spaceship","id":"spaceship--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e42"},` +
		`{"type":"identity","spec_version":"2.1","id":"identity--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e43","name":"ACME"},` +
		`{"type":"report","spec_version":"2.1","id":"report--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e44","name":"Raid on the depot",` +
		`"description":"Militants raided a fuel depot near Kandahar.","published":"2023-05-04T00:00:00Z",` +
		`"created":"2023-05-05T10:00:00.000Z","object_refs":["identity--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e43"]}]}`
	st := openStore(t)
	res, err := ImportSTIX(context.Background(), st, strings.NewReader(in), "")
	if err != nil {
		t.Fatalf("ImportSTIX: %v", err)
	}
	if res.Skipped["x-custom-thing"] != 2 || res.Skipped["spaceship"] != 1 || res.Derived != 1 || res.Documents != 1 || res.Objects != 5 {
		t.Errorf("ImportSTIX = %+v, want 2 x-custom-thing and 1 spaceship skipped, 1 derived, 1 document of 5 objects", res)
	}
	docs, err := st.Documents(context.Background(), store.DocQuery{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("documents: %v %v", docs, err)
	}
	d, err := st.Document(context.Background(), docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Raid on the depot" || d.Date.String() != "2023-05-04" || !strings.Contains(d.Text, "fuel depot near Kandahar") {
		t.Errorf("foreign report stored as %q dated %s: %q", d.Title, d.Date, d.Text)
	}
}

// bigBundle streams a bundle of n objects: one report of the corpus every 10,000
// objects (its dossier extension included), notes and unknown objects between.
func bigBundle(t *testing.T, n int, report []byte) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriterSize(pw, 64<<10)
		w.WriteString(bundleHead)
		for i := 0; i < n; i++ {
			if i > 0 {
				w.WriteString(",\n")
			}
			switch {
			case i%10000 == 0 && report != nil:
				// The same document each time: stored once, then found existing.
				w.Write(report)
			case i%3 == 0:
				fmt.Fprintf(w, `{"type":"x-telemetry","id":"x-telemetry--00000000-0000-4000-8000-%012d","value":%d}`, i, i)
			default:
				fmt.Fprintf(w, `{"type":"note","spec_version":"2.1","id":"note--00000000-0000-4000-8000-%012d","created":"2023-01-01T00:00:00.000Z","modified":"2023-01-01T00:00:00.000Z","content":"observation number %d of the test bundle, padded to look like a real note","object_refs":["identity--00000000-0000-4000-8000-000000000000"]}`, i, i)
			}
		}
		w.WriteString("]}\n")
		pw.CloseWithError(w.Flush())
	}()
	return pr
}

func TestSTIXImportLargeBundleBoundedMemory(t *testing.T) {
	const n = 100000
	var report []byte
	for _, o := range objectsByID(t, stixOf(t, corpusStore(t))) {
		if strings.HasPrefix(o, `{"created"`) && strings.Contains(o, `"type":"report"`) && strings.Contains(o, "Security talks in Moscow") {
			report = []byte(o)
		}
	}
	if report == nil {
		t.Fatal("no report in the export")
	}
	st := openStore(t)
	runtime.GC()
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				runtime.ReadMemStats(&ms)
				mu.Lock()
				peak = max(peak, ms.HeapAlloc)
				mu.Unlock()
			}
		}
	}()
	res, err := ImportSTIX(context.Background(), st, bigBundle(t, n, report), "")
	close(done)
	wg.Wait()
	if err != nil {
		t.Fatalf("ImportSTIX: %v", err)
	}
	if res.Objects != n || res.Documents != 1 || res.Existing != n/10000-1 || res.Skipped["x-telemetry"] == 0 {
		t.Errorf("ImportSTIX = %+v, want %d objects, 1 document stored, %d found existing, x-telemetry skipped", res, n, n/10000-1)
	}
	// The bundle is about 20 MB; the import holds one object at a time.
	const limit = 16 << 20
	if peak > limit {
		t.Errorf("heap peaked at %d MB importing %d objects, want under %d MB", peak>>20, n, limit>>20)
	}
	t.Logf("%d objects, heap peak %.1f MB", n, float64(peak)/(1<<20))
}

func TestSTIXRoundTripEmptyDocument(t *testing.T) {
	st := openStore(t)
	d := newDoc(t, "", "", "", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC))
	d.d.Marking = "ORG:INTERNAL"
	if _, err := st.PutDocument(context.Background(), &d.d, &d.ex, ""); err != nil {
		t.Fatal(err)
	}
	first := stixOf(t, st)
	newSTIXValidator(t).validate(t, first)
	again := openStore(t)
	if res, err := ImportSTIX(context.Background(), again, bytes.NewReader(first), ""); err != nil || res.Documents != 1 {
		t.Fatalf("ImportSTIX = %+v, %v; want the empty document", res, err)
	}
	if second := stixOf(t, again); !bytes.Equal(first, second) {
		t.Errorf("empty document changed in the round trip:\n%s\n%s", first, second)
	}
}

func TestSTIXImportObjectLimit(t *testing.T) {
	big := bundleHead + `{"type":"note","id":"note--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e40","content":"` +
		strings.Repeat("x", 300<<10) + `"}]}`
	_, _, err := scanBundle(context.Background(), strings.NewReader(big), ImportResult{Skipped: map[string]int{}}, 64<<10)
	if !errors.Is(err, dossier.ErrInvalid) || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("scanBundle(300 KiB object, limit 64 KiB) = %v, want ErrInvalid for its size", err)
	}
	res, _, err := scanBundle(context.Background(), strings.NewReader(big), ImportResult{Skipped: map[string]int{}}, 1<<20)
	if err != nil || res.Objects != 1 {
		t.Errorf("scanBundle(300 KiB object, limit 1 MiB) = %+v, %v; want it read", res, err)
	}
}
