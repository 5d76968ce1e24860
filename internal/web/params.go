package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"dossier"
	"dossier/internal/store"
)

// query reads URL parameters, remembering the first malformed one.
type query struct {
	v   url.Values
	err error
}

func newQuery(r *http.Request) *query { return &query{v: r.URL.Query()} }

func (q *query) bad(name, val, want string) {
	if q.err == nil {
		q.err = fmt.Errorf("parameter %s=%q: want %s: %w", name, val, want, dossier.ErrInvalid)
	}
}

// str returns a trimmed string parameter.
func (q *query) str(name string) string { return strings.TrimSpace(q.v.Get(name)) }

// list returns every value of a repeated parameter, also splitting comma lists.
func (q *query) list(name string) []string {
	var out []string
	for _, v := range q.v[name] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// int returns an integer parameter within [lo, hi], or def when absent.
func (q *query) int(name string, def, lo, hi int) int {
	s := q.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		q.bad(name, s, fmt.Sprintf("an integer from %d to %d", lo, hi))
		return def
	}
	return n
}

// date returns a partial date parameter (YYYY, YYYY-MM, YYYY-MM-DD).
func (q *query) date(name string) dossier.Date {
	s := q.str(name)
	if s == "" {
		return dossier.Date{}
	}
	d, err := dossier.ParseDate(s)
	if err != nil {
		q.bad(name, s, "YYYY, YYYY-MM or YYYY-MM-DD")
	}
	return d
}

// instant returns a time parameter: RFC 3339, or a date meaning the end of that day.
func (q *query) instant(name string) time.Time {
	s := q.str(name)
	if s == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t
	}
	if d, err := dossier.ParseDate(s); err == nil && d.Precision() == dossier.PrecisionDay {
		return d.Time().AddDate(0, 0, 1).Add(-time.Nanosecond)
	}
	q.bad(name, s, "an RFC 3339 time or YYYY-MM-DD")
	return time.Time{}
}

// timeFilter reads as_of (valid time) and known_at (transaction time).
func (q *query) timeFilter() store.TimeFilter {
	return store.TimeFilter{AsOf: q.date("as_of"), KnownAt: q.instant("known_at")}
}

// entityTypes reads repeated entity type parameters, checking each.
func (q *query) entityTypes(name string) []dossier.EntityType {
	var out []dossier.EntityType
	for _, s := range q.list(name) {
		t := dossier.EntityType(strings.ToUpper(s))
		if !t.Valid() {
			q.bad(name, s, "an entity type")
			continue
		}
		out = append(out, t)
	}
	return out
}

// relationTypes reads repeated relation type parameters, checking each.
func (q *query) relationTypes(name string) []dossier.RelationType {
	var out []dossier.RelationType
	for _, s := range q.list(name) {
		t := dossier.RelationType(strings.ToUpper(s))
		if !t.Valid() {
			q.bad(name, s, "a relation type")
			continue
		}
		out = append(out, t)
	}
	return out
}

// pathID parses a numeric path value such as a relation or action id.
func pathID(r *http.Request, name string) (int64, error) {
	s := r.PathValue(name)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%s %q: want a positive integer: %w", name, s, dossier.ErrInvalid)
	}
	return n, nil
}

// decode reads a JSON request body of at most maxJSONBody bytes into v, refusing unknown
// fields and trailing data.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return fmt.Errorf("request body: content type %q: want application/json: %w", ct, dossier.ErrUnsupported)
	}
	body := http.MaxBytesReader(w, r.Body, maxJSONBody)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return fmt.Errorf("request body: %w", err)
		}
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("request body: empty: %w", dossier.ErrInvalid)
		}
		return fmt.Errorf("request body: %v: %w", err, dossier.ErrInvalid)
	}
	if dec.More() {
		return fmt.Errorf("request body: data after the JSON value: %w", dossier.ErrInvalid)
	}
	return nil
}

// ref is an entity reference in a request body: a numeric id, or a name or alias.
type ref string

// UnmarshalJSON accepts a JSON number or string.
func (r *ref) UnmarshalJSON(b []byte) error {
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		*r = ref(n.String())
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("want an entity id or name")
	}
	*r = ref(s)
	return nil
}
